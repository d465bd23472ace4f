# The README's two commands. Both install missing Debian packages first (scripts/setup.sh).
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: setup build test demo bench format clean

setup:
	bash scripts/setup.sh

build: setup
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCFNX_WERROR=ON >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

# Builds and runs every test.
test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The main job on the embedded default: see scripts/demo.sh.
demo: build
	bash scripts/demo.sh $(BUILD)/cfnx

bench: build
	bash scripts/bench.sh $(BUILD)

format:
	git ls-files '*.cc' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD)
