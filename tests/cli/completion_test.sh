#!/bin/sh
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# `cfnx completion bash|zsh` and `cfnx man`: generated from the command line's definitions, so
# they offer every subcommand and option `--help` lists. Bash completion is exercised the way
# bash calls it (COMP_WORDS/COMP_CWORD, then COMPREPLY); the zsh script must parse (zsh -n) and
# describe the same commands; the manual page must render without warnings and list every
# command and option; the build's cfnx.1 and completion files are what the commands print.
#
# usage: completion_test.sh CFNX BUILD_DIR
set -u
cfnx=$1
build=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

"$cfnx" completion bash >"$dir/bash" || bad "cfnx completion bash: exit $?"
"$cfnx" completion zsh >"$dir/zsh" || bad "cfnx completion zsh: exit $?"
"$cfnx" man >"$dir/man" || bad "cfnx man: exit $?"
"$cfnx" completion fish >/dev/null 2>&1 && bad "cfnx completion fish succeeded"
cmp -s "$dir/bash" "$build/completions/cfnx" || bad "build/completions/cfnx is not \`cfnx completion bash\`"
cmp -s "$dir/zsh" "$build/completions/_cfnx" || bad "build/completions/_cfnx is not \`cfnx completion zsh\`"
cmp -s "$dir/man" "$build/cfnx.1" || bad "build/cfnx.1 is not \`cfnx man\`"

# What `cfnx --help` lists.
commands=$("$cfnx" --help | sed -n '/^Subcommands:/,$p' | awk 'NR > 1 && /^  [a-z]/ { print $1 }')
[ -n "$commands" ] || bad "no subcommands in cfnx --help"
echo "$commands" | grep -qx completion || bad "cfnx --help does not list completion"
echo "$commands" | grep -qx man || bad "cfnx --help does not list man"
validate_options=$("$cfnx" validate --help | grep -o -- '--[a-z0-9-]*' | sort -u)

# Bash: complete "cfnx WORDS..." (the last word is the one being completed) as bash would.
bash -n "$dir/bash" || bad "the bash completion does not parse"
complete_bash() {
  bash -c '
    compopt() { :; }
    . "$1"; shift
    COMP_WORDS=(cfnx "$@"); COMP_CWORD=$#
    _cfnx
    printf "%s\n" "${COMPREPLY[@]}"' sh "$dir/bash" "$@"
}
[ "$(complete_bash val)" = validate ] || bad "cfnx val<TAB>: $(complete_bash val)"
[ "$(complete_bash validate --for)" = --format ] || bad "cfnx validate --for<TAB>: $(complete_bash validate --for)"
for f in text json sarif parseable junit code-climate; do
  complete_bash validate --format "" | grep -qx "$f" || bad "cfnx validate --format <TAB> lacks $f"
done
complete_bash validate -f "" | grep -qx sarif || bad "cfnx validate -f <TAB> lacks sarif"
[ "$(complete_bash plan --on-failure DE)" = DELETE ] || bad "cfnx plan --on-failure DE<TAB>: $(complete_bash plan --on-failure DE)"
[ "$(complete_bash schemas "")" = import ] || bad "cfnx schemas <TAB>: $(complete_bash schemas "")"
[ "$(complete_bash completion z)" = zsh ] || bad "cfnx completion z<TAB>: $(complete_bash completion z)"
# Options of the subcommand, not of another one; and a value being typed is not a command.
complete_bash validate --region us-east-1 --det | grep -q . && bad "validate offers plan's --detailed-exitcode"
[ "$(complete_bash plan --det)" = --detailed-exitcode ] || bad "cfnx plan --det<TAB>: $(complete_bash plan --det)"
top=$(complete_bash "")
for c in $commands; do
  echo "$top" | grep -qx "$c" || bad "cfnx <TAB> lacks $c"
done
offered=$(complete_bash validate --)
for o in $validate_options; do
  echo "$offered" | grep -qx -- "$o" || bad "cfnx validate --<TAB> lacks $o"
done
# Templates are files.
mkdir -p "$dir/t" && : >"$dir/t/app.yaml"
(cd "$dir/t" && [ "$(complete_bash validate ap)" = app.yaml ]) || bad "cfnx validate ap<TAB> does not complete the file"

# Zsh: a completion function for the same commands.
head -1 "$dir/zsh" | grep -qx '#compdef cfnx' || bad "the zsh completion does not start with #compdef cfnx"
for c in $commands; do
  grep -q "^ *'$c:" "$dir/zsh" || bad "the zsh completion does not describe $c"
done
grep -q "(text json sarif parseable junit code-climate)" "$dir/zsh" || bad "the zsh completion lacks --format's values"
if command -v zsh >/dev/null 2>&1; then
  zsh -n "$dir/zsh" || bad "the zsh completion does not parse"
  # Loaded by compinit from $fpath, as users install it.
  mkdir -p "$dir/fpath" && cp "$dir/zsh" "$dir/fpath/_cfnx"
  out=$(HOME="$dir" zsh -f -c 'fpath=("$1" $fpath); autoload -Uz compinit; compinit -u -D; print -r -- ${_comps[cfnx]}' zsh "$dir/fpath" 2>&1)
  [ "$out" = _cfnx ] || bad "compinit does not register _cfnx for cfnx: $out"
else
  echo "note: zsh is not installed; the zsh script was not parsed"
fi

# The manual page: roff that man renders cleanly, with every command and validate's options.
head -2 "$dir/man" | grep -q '^\.TH CFNX 1' || bad "cfnx man does not start with .TH CFNX 1"
MANWIDTH=200 man --warnings -l "$dir/man" >"$dir/man.txt" 2>"$dir/man.err" || bad "man -l failed"
[ -s "$dir/man.err" ] && bad "man -l warns: $(cat "$dir/man.err")"
for c in $commands; do
  grep -q "^ *$c\( \|\$\)" "$dir/man.txt" || bad "the man page does not list $c"
  grep -q "cfnx $c" "$dir/man.txt" || [ "$c" = schemas ] || bad "the man page has no section for cfnx $c"
done
for o in $validate_options; do
  grep -q -- "$o" "$dir/man.txt" || bad "the man page lacks $o"
done
grep -q "code-climate" "$dir/man.txt" || bad "the man page lacks --format's values"

[ $fail -eq 0 ] && echo "completion: pass"
exit $fail
