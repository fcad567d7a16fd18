-- spec/pure_helper.lua: runs the specs against the pure-Lua edition:
--   busted --helper=spec/pure_helper.lua --exclude-tags=c_only
-- require "httpstatus" then gives lua/httpstatus/pure.lua (the specs are
-- one suite for both editions); the specs about the C side only are
-- tagged #c_only and left out.
-- (package.preload, which busted's insulation of each file keeps, where
-- it takes package.loaded back)
package.path = "lua/?.lua;" .. package.path
package.preload.httpstatus = function() return require "httpstatus.pure" end
