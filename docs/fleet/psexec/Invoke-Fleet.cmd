@echo off
rem Runs apex-cert-fix on every host of a target list with PsExec (Sysinternals), one at a time,
rem and writes host,exit code to a results file. The list is what
rem   apex-cert-fix summarize <reports> --agents <list.csv> --targets-out targets.txt
rem writes: one host per line. Run from an elevated prompt of a helpdesk account that is an
rem administrator on the targets. Edit the four settings below.
rem
rem -s runs as SYSTEM on the target, so the share and the password file are read with the
rem target's computer account (DOMAIN\PC$): give "Domain Computers" read access to them.
rem The unload password stays in a file (--password-file); it is never on a command line,
rem where PsExec, the target's process list and its event log (4688) would show it.
rem Exit codes 2 and 5 can also come from PsExec or Windows itself (file not found, access
rem denied): the central report (apex-cert-fix summarize) says what really happened.
setlocal EnableExtensions EnableDelayedExpansion

set "EXE=\\fileserver\ApexCertFix$\apex-cert-fix-x64.exe"
set "SOURCE=\\apexsrv"
set "PWFILE=\\fileserver\ApexCertFix$\secret\unload-password.txt"
set "REPORTS=\\fileserver\ApexCertFix-reports$"

set "TARGETS=%~1"
if "%TARGETS%"=="" set "TARGETS=targets.txt"
set "RESULTS=%~2"
if "%RESULTS%"=="" set "RESULTS=psexec-results.csv"
if not exist "%TARGETS%" (
  echo Target list not found: %TARGETS%
  exit /b 2
)

echo host,exit code>"%RESULTS%"
for /f "usebackq eol=# tokens=1" %%H in ("%TARGETS%") do (
  echo === %%H
  psexec.exe \\%%H -accepteula -nobanner -s -h -n 20 "%EXE%" fix --source "%SOURCE%" --password-file "%PWFILE%" --report-copy "%REPORTS%" --lang en
  echo %%H,!errorlevel!>>"%RESULTS%"
)
echo Results: %RESULTS% (exit codes: docs\fleet\exit-codes.json)
endlocal
