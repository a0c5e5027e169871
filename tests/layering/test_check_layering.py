#!/usr/bin/env python3
"""Self-test of check_layering.py: tiny fake repos in a temp dir, one rule broken at a time."""

import os
import subprocess
import sys
import tempfile

CHECKER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "check_layering.py")

BLOCK = """# fake repo
Some prose.

<!-- module graph: checked by tests/layering/check_layering.py -->
```
a:
b: a
c: b
core: a b
lib gdal: b
```
"""

GOOD = {
    "README.md": BLOCK,
    "CMakeLists.txt": (
        "function(secmap_module name)\n"
        "  cmake_parse_arguments(M \"\" \"\" \"DEPS;EXTRA\" ${ARGN})\n"
        "endfunction()\n"
        "secmap_module(a DEPS Threads::Threads)\n"
        "secmap_module(b DEPS secmap_a GDAL::GDAL)  # b reads files\n"
        "secmap_module(c DEPS secmap_b OpenGL::OpenGL\n"
        "              EXTRA extra.cpp)\n"
        "target_link_libraries(secmap_c PUBLIC secmap_a)\n"
    ),
    "src/a/value.h": "#pragma once\n#include <string>\nnamespace a { int value(); }\n",
    "src/a/value.cpp": '#include "a/value.h"\nint a::value() { return 1; }\n',
    "src/b/reader.h": '#pragma once\n#include "a/value.h"\n',
    "src/b/reader.cpp": '#include "b/reader.h"\n#include <gdal_priv.h>\n#include <ogr_spatialref.h>\n',
    "src/c/draw.h": '#pragma once\n#include <GL/gl.h>\n#include "b/reader.h"\n',
    "src/c/draw.cpp": ('#include "c/draw.h"\n#include <imgui.h>\n'
                       '// #include "d/nothing.h"\n/* #include <GL/gl.h>\n   #include "x/y.h" */\n'),
    "tests/b/reader_test.cpp": '#include "c/draw.h"\n#include <gdal.h>\n',
}


def make_repo(tmp, files):
    for rel, text in files.items():
        path = os.path.join(tmp, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


def run(files, extra_args=()):
    with tempfile.TemporaryDirectory() as tmp:
        make_repo(tmp, files)
        p = subprocess.run([sys.executable, CHECKER, tmp, *extra_args],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        return p.returncode, p.stdout


def variant(**changes):
    files = dict(GOOD)
    for k, v in changes.items():
        path = k.replace("__", "/").replace("_DOT_", ".")
        if v is None:
            files.pop(path, None)
        else:
            files[path] = v
    return files


CASES = []


def case(fn):
    CASES.append(fn)
    return fn


def expect(rc, out, want_rc, *needles):
    assert rc == want_rc, f"exit {rc}, wanted {want_rc}; output:\n{out}"
    for n in needles:
        assert n in out, f"missing {n!r} in output:\n{out}"


@case
def good_repo_passes():
    rc, out = run(GOOD)
    expect(rc, out, 0, "layering: 6 files, 2 include arrows and 3 CMake arrows checked, "
                       "all within the README graph",
           "GL/EGL/GLFW/ImGui headers are included by modules: c")


@case
def forbidden_include_names_file_and_line():
    rc, out = run(variant(**{"src__a__value_DOT_cpp":
                             '#include "a/value.h"\n\n#include "b/reader.h"\n'}))
    expect(rc, out, 1, 'src/a/value.cpp:3 includes "b/reader.h": a may not depend on b (README graph)')


@case
def transitive_dependency_is_allowed():
    rc, out = run(variant(**{"src__c__draw_DOT_cpp": '#include "c/draw.h"\n#include "a/value.h"\n'}))
    expect(rc, out, 0, "all within the README graph")


@case
def unknown_module_include_fails():
    rc, out = run(variant(**{"src__d__x_DOT_h": '#include "a/value.h"\n'}))
    expect(rc, out, 1, "src/d/: module 'd' has no line in the README graph")


@case
def core_header_reaching_gl_through_another_header_fails():
    files = variant(**{"src__a__gl_bits_DOT_h": "#pragma once\n#include <GL/gl.h>\n",
                       "src__a__shapes_DOT_h": '#pragma once\n#include "gl_bits.h"\n',
                       "src__b__reader_DOT_h": '#pragma once\n#include "a/value.h"\n#include "a/shapes.h"\n'})
    rc, out = run(files)
    expect(rc, out, 1, "src/b/reader.h:3 -> src/a/shapes.h:2 -> src/a/gl_bits.h:2 <GL/gl.h>")


@case
def core_reaching_imgui_via_non_core_module_fails():
    files = variant(**{"src__b__reader_DOT_h": '#pragma once\n#include "c/draw.h"\n'})
    rc, out = run(files)
    expect(rc, out, 1, 'src/b/reader.h:2 includes "c/draw.h": b may not depend on c',
           "src/b/reader.h:2 -> src/c/draw.h:2 <GL/gl.h>")


@case
def core_file_inside_a_gl_module_is_checked():
    # c holds GL code; its header c/options.h is named GL-free on the core line.
    block = BLOCK.replace("core: a b", "core: a b c/options.h")
    ok = variant(**{"README_DOT_md": block,
                    "src__c__options_DOT_h": '#pragma once\n#include "b/reader.h"\n'})
    rc, out = run(ok)
    expect(rc, out, 0, "all within the README graph")
    bad = variant(**{"README_DOT_md": block,
                     "src__c__options_DOT_h": '#pragma once\n#include "c/draw.h"\n'})
    rc, out = run(bad)
    expect(rc, out, 1, "core file src/c/options.h reaches <GL/gl.h>",
           "src/c/options.h:2 -> src/c/draw.h:2 <GL/gl.h>")
    missing = variant(**{"README_DOT_md": block})
    rc, out = run(missing)
    expect(rc, out, 1, "core file 'src/c/options.h' does not exist")


@case
def library_used_by_two_modules_fails():
    files = variant(**{"src__c__more_DOT_cpp": "#include <sqlite3.h>\n",
                       "src__a__db_DOT_cpp": "#include <sqlite3.h>\n"})
    rc, out = run(files)
    expect(rc, out, 1, "library sqlite is included by modules a, c: src/a/db.cpp:1 <sqlite3.h>; "
                       "src/c/more.cpp:1 <sqlite3.h>")


@case
def library_outside_its_lib_line_fails():
    rc, out = run(variant(**{"src__a__geo_DOT_cpp": "#include <cpl_conv.h>\n"}))
    expect(rc, out, 1, "library gdal is included by modules a, b (README allows b): "
                       "src/a/geo.cpp:1 <cpl_conv.h>")


@case
def cmake_arrow_against_graph_fails():
    files = variant(CMakeLists_DOT_txt=GOOD["CMakeLists.txt"].replace(
        "secmap_module(a DEPS Threads::Threads)", "secmap_module(a DEPS secmap_b)"))
    rc, out = run(files)
    expect(rc, out, 1, "CMakeLists.txt:4 secmap_module(a) DEPS links secmap_b: a may not depend on b")


@case
def cmake_target_link_libraries_against_graph_fails():
    files = variant(CMakeLists_DOT_txt=GOOD["CMakeLists.txt"] + "target_link_libraries(secmap_b PRIVATE\n  secmap_c)\n")
    rc, out = run(files)
    expect(rc, out, 1, "CMakeLists.txt:9 target_link_libraries(secmap_b) links secmap_c: b may not depend on c")


@case
def missing_block_is_a_clear_error():
    rc, out = run(variant(README_DOT_md="# fake repo\nno graph here\n"))
    expect(rc, out, 2, "no line '<!-- module graph: checked by tests/layering/check_layering.py -->'")


@case
def readme_flag_overrides_readme():
    with tempfile.TemporaryDirectory() as tmp:
        draft = os.path.join(tmp, "draft.md")
        with open(draft, "w", encoding="utf-8") as f:
            f.write(BLOCK.replace("b: a", "b:"))
        rc, out = run(GOOD, ["--readme", draft])
    expect(rc, out, 1, 'src/b/reader.h:2 includes "a/value.h": b may not depend on a')


def main():
    passed = failed = 0
    for fn in CASES:
        try:
            fn()
        except AssertionError as e:
            failed += 1
            print(f"FAIL {fn.__name__}: {e}")
        else:
            passed += 1
            print(f"ok   {fn.__name__}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
