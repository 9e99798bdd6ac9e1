#!/usr/bin/env bash
# Quick start: installs native prerequisites (or says what to run), builds ClimateAD and runs
# scenarios/quickstart.toml end to end: output/quickstart.nc and output/quickstart.png.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-prerequisites.sh
dotnet build src/Cli/ClimateAD.Cli.csproj -c Release -v q -nologo
dotnet src/Cli/bin/Release/net10.0/climatead.dll run scenarios/quickstart.toml "$@"
