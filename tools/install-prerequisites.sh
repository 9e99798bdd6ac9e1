#!/usr/bin/env bash
# Installs the native prerequisites of ClimateAD on Debian/Ubuntu, or prints the exact command.
#   tools/install-prerequisites.sh            runtime: HDF5 C library, a font for plot text
#   tools/install-prerequisites.sh --test     also the reader tools the tests drive:
#                                             ncdump, h5dump, Debian's python3 with xarray/netCDF4
# Exit codes: 0 everything present (or installed), 1 something missing that we could not install.
set -euo pipefail

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

missing=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }

have_lib 'libhdf5\(_serial\)\?\.so\.\(103\|200\|310\)' || missing+=(libhdf5-103-1)
have_lib 'libhdf5\(_serial\)\?_hl\.so\.\(100\|200\|310\)' || missing+=(libhdf5-hl-100)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ "$want_test" = 1 ]; then
  command -v ncdump >/dev/null 2>&1 || missing+=(netcdf-bin)
  command -v h5dump >/dev/null 2>&1 || missing+=(hdf5-tools)
  /usr/bin/python3 -c 'import xarray, netCDF4' >/dev/null 2>&1 || missing+=(python3-xarray python3-netcdf4)
fi

[ ${#missing[@]} -eq 0 ] && exit 0

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "climatead: missing native prerequisites: ${missing[*]} (Debian names); install the equivalents (HDF5 1.10+ C library with the high-level library) with your package manager." >&2
  exit 1
fi
if [ "$(id -u)" = 0 ]; then sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"
else
  echo "climatead: missing native prerequisites; run: sudo apt-get update && sudo $cmd" >&2
  exit 1
fi
echo "climatead: installing ${missing[*]} ..." >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo $cmd -qq >/dev/null
echo "climatead: prerequisites installed." >&2
