@echo off
rem Runs the efactura command line with the desktop app's own binary in Node
rem mode (ELECTRON_RUN_AS_NODE), so it works where Node.js is not installed:
rem Task Scheduler jobs, ERP upload folders. The installer puts it in
rem <app>\resources\launchers\ beside <app>\efactura-desktop.exe.
rem A goto replaces an "if (...)" block, because a ")" in the installation
rem path, as in "Program Files (x86)", would end such a block early.
setlocal
set "ELECTRON_RUN_AS_NODE=1"
set "EFACTURA_BINARY=%~dp0..\..\efactura-desktop.exe"
set "EFACTURA_ENTRY=%~dp0..\app.asar\dist\electron\cli\main.js"
if exist "%EFACTURA_BINARY%" goto run
echo efactura: error: "%EFACTURA_BINARY%" is missing. Run the launcher from resources\launchers in the installed e-Factura Desktop folder, or reinstall the app. 1>&2
exit /b 1

:run
"%EFACTURA_BINARY%" "%EFACTURA_ENTRY%" %*
exit /b %ERRORLEVEL%
