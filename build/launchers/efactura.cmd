@echo off
rem Runs the efactura command line with the desktop app's own binary, so it
rem works where Node.js is not installed (Task Scheduler, ERP upload folders).
setlocal
set ELECTRON_RUN_AS_NODE=1
"%~dp0..\..\efactura-desktop.exe" "%~dp0..\app.asar\dist\electron\cli\main.js" %*
