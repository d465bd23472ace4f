#!/usr/bin/env bash
# Regenerates the committed resource schema registry (schemas/cfn/) from the provider schemas
# installed with cfn-lint (pip install cfn-lint==VERSION), with cfnx's own generator.
# Usage: scripts/update-schemas.sh [BUILD_DIR]   (default: build; the tool is built if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
src=$(python3 -c "import cfnlint, os; print(os.path.join(os.path.dirname(cfnlint.__file__), 'data', 'schemas'))")
version=$(python3 -c "import cfnlint.version; print(cfnlint.version.__version__)")
cmake --build "$build" --target cfnx_schemas_import >/dev/null
"$build/resources/cfnx_schemas_import" "$src" schemas/cfn
echo "update-schemas: generated from cfn-lint $version ($src) on $(date -u +%Y-%m-%d);" \
     "update schemas/README.md" >&2
