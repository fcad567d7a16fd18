# tools/luau.mk: Luau's VM and compiler (no CLI, no analysis, no codegen),
# from its source, as a small host embeds them: `make -f tools/luau.mk
# LUAU_SRC=dir` (tools/luau.sh finds the source). The objects and the one
# static library land under $(OUT) (build/luau), so a second run rebuilds
# nothing; the source folder is only read.
LUAU_SRC ?= ../luau-0.735
OUT      ?= build/luau
CXX      ?= g++
LUAU_CXXFLAGS = -O2 -DNDEBUG -fno-math-errno -w

PARTS = Common Ast Bytecode Compiler VM
SRCS  = $(foreach p,$(PARTS),$(wildcard $(LUAU_SRC)/$(p)/src/*.cpp))
OBJS  = $(SRCS:$(LUAU_SRC)/%.cpp=$(OUT)/obj/%.o)
INC   = $(foreach p,Common Ast Bytecode Compiler VM,-I$(LUAU_SRC)/$(p)/include)

$(OUT)/libluau.a: $(OBJS)
	rm -f $@
	ar rcs $@ $(OBJS)

$(OUT)/obj/%.o: $(LUAU_SRC)/%.cpp
	@mkdir -p $(@D)
	$(CXX) -std=c++17 $(LUAU_CXXFLAGS) $(INC) -c $< -o $@
