<#
.SYNOPSIS
  Runs apex-cert-fix on this PC for a deployment tool (Intune, Configuration Manager, PDQ Deploy,
  a GPO startup script) and exits with its exit code (docs/fleet/exit-codes.json).

.DESCRIPTION
  Run with `powershell.exe -NoProfile -ExecutionPolicy Bypass -File Invoke-ApexCertFix.ps1 ...`:
  with -File the script's exit code is the process's exit code (with -Command it may not be).
  The unload password is never a parameter: -PasswordFile names a file whose first line is the
  password (see docs/fleet.md, "The unload password"). With -RemovePasswordFile that file is
  deleted when the run ends, whatever the result. This file is ASCII only on purpose: Windows
  PowerShell 5.1 reads a script without a BOM in the ANSI code page.

.EXAMPLE
  Invoke-ApexCertFix.ps1 -Source \\apexsrv -PasswordFile C:\ProgramData\ApexCertFix\secret\pw.txt -RemovePasswordFile -ReportCopy \\fileserver\ApexCertFix-reports$
#>
[CmdletBinding()]
param(
  # Where the server files are: \\server, \\server\ofcscan, or an offline kit (as for --source).
  [Parameter(Mandatory = $true)] [string] $Source,
  # The CLI; default: beside this script (Intune / ConfigMgr / PDQ packages carry both).
  [string] $Exe = (Join-Path $PSScriptRoot 'apex-cert-fix-x64.exe'),
  [string] $PasswordFile = '',
  [switch] $RemovePasswordFile,
  # Central folder (a share) that also gets the report; exit code 7 when only that copy fails.
  [string] $ReportCopy = '',
  # Copy the CLI to this folder first (Intune / ConfigMgr detection runs it from there).
  [string] $InstallTo = '',
  # Do nothing when the agent already holds the server's certificate (GPO startup scripts run at every boot).
  [switch] $SkipIfFixed,
  [ValidateSet('', 'ja', 'en')] [string] $Lang = ''
)

# Not 'Stop': Windows PowerShell 5.1 turns a native program's stderr into errors when output is
# redirected (as deployment agents do), and that must not end the script before the exit code.
$ErrorActionPreference = 'Continue'
$code = 2
# A relative password file is beside this script (an Intune / ConfigMgr package's folder).
if ($PasswordFile -ne '' -and -not [System.IO.Path]::IsPathRooted($PasswordFile)) { $PasswordFile = Join-Path $PSScriptRoot $PasswordFile }

function Get-AgentHoldsServerCertificate([string] $Cli, [string] $From) {
  try { [Console]::OutputEncoding = [System.Text.Encoding]::UTF8 } catch { }
  $out = & $Cli inspect --source $From --json --lang en 2>$null
  if ($LASTEXITCODE -ne 0) { return $false }
  try { $doc = ($out -join "`n") | ConvertFrom-Json } catch { return $false }
  return ($null -ne $doc.agent -and $null -ne $doc.agent.certificateBefore -and $doc.agent.certificateBefore.matchesServer -eq $true)
}

try {
  if (-not (Test-Path -LiteralPath $Exe -PathType Leaf)) {
    Write-Output "apex-cert-fix not found: $Exe"
  }
  else {
    if ($InstallTo -ne '') {
      New-Item -ItemType Directory -Force -Path $InstallTo | Out-Null
      Copy-Item -LiteralPath $Exe -Destination (Join-Path $InstallTo (Split-Path -Leaf $Exe)) -Force
    }
    if ($SkipIfFixed -and (Get-AgentHoldsServerCertificate $Exe $Source)) {
      Write-Output 'apex-cert-fix: the agent already holds the server certificate; nothing to do.'
      $code = 0
    }
    else {
      $argv = @('fix', '--source', $Source)
      if ($PasswordFile -ne '') { $argv += @('--password-file', $PasswordFile) }
      if ($ReportCopy -ne '') { $argv += @('--report-copy', $ReportCopy.TrimEnd('\')) }
      if ($Lang -ne '') { $argv += @('--lang', $Lang) }
      & $Exe @argv
      $code = $LASTEXITCODE
    }
  }
}
finally {
  if ($RemovePasswordFile -and $PasswordFile -ne '' -and (Test-Path -LiteralPath $PasswordFile -PathType Leaf)) {
    Remove-Item -LiteralPath $PasswordFile -Force -ErrorAction SilentlyContinue
  }
}
exit $code
