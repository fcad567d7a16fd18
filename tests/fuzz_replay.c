/*
 * fuzz_replay.c - runs a libFuzzer target's LLVMFuzzerTestOneInput on each
 * file named on the command line, without libFuzzer: `make coverage`
 * builds every target of fuzz/ with gcc --coverage and this main, and
 * replays the committed corpora, so that the inputs they hold count in the
 * coverage of the C code. A property that fails aborts, as under libFuzzer.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv) {
    int i;
    for (i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        unsigned char buf[65536];
        size_t n;
        if (!f) {
            (void)fprintf(stderr, "fuzz_replay: cannot open %s\n", argv[i]);
            return 1;
        }
        n = fread(buf, 1, sizeof buf, f);
        (void)fclose(f);
        (void)LLVMFuzzerTestOneInput(buf, n);
    }
    (void)printf("replayed %d inputs\n", argc - 1);
    return 0;
}
