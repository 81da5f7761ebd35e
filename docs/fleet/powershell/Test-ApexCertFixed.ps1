# Detection script for Intune (Win32 app, "Use a custom detection script") and Configuration
# Manager (deployment type, detection method "Use a custom script"): the repair counts as
# installed when the agent already holds the server's certificate. Both tools take "installed"
# to mean: exit code 0 and something written to standard output; so this script always exits 0
# and writes a line only when the agent holds the certificate.
# `apex-cert-fix inspect --json` changes nothing; its exit code is 0 when the PC is ready, and
# agent.certificateBefore.matchesServer says whether the agent already has the certificate.
# Detection scripts take no parameters: edit the two lines below. ASCII only (PowerShell 5.1).
$Exe = Join-Path $env:ProgramFiles 'ApexCertFix\apex-cert-fix-x64.exe'
$Source = '\\apexsrv'

if (-not (Test-Path -LiteralPath $Exe -PathType Leaf)) { exit 0 }
try { [Console]::OutputEncoding = [System.Text.Encoding]::UTF8 } catch { }
$out = & $Exe inspect --source $Source --json --lang en 2>$null
if ($LASTEXITCODE -ne 0) { exit 0 }
try { $doc = ($out -join "`n") | ConvertFrom-Json } catch { exit 0 }
if ($null -ne $doc.agent -and $null -ne $doc.agent.certificateBefore -and $doc.agent.certificateBefore.matchesServer -eq $true) {
  Write-Output 'apex-cert-fix: the agent holds the server certificate'
}
exit 0
