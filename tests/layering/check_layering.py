#!/usr/bin/env python3
"""Layering check for secmap: the include graph under src/ must stay inside the README graph.

The allowed graph lives in README.md, in the fenced code block that directly follows the line

    <!-- module graph: checked by tests/layering/check_layering.py -->

Block syntax (one entry per line, '#' starts a comment):

    geo: text                 module geo may include text (direct dependencies; the allowed
                              set is the transitive closure)
    core: text geo store      modules whose files must never reach GL/EGL/GLES/GLFW/ImGui headers
                              (an indented line continues the entry above it);
          render/style.h      a word with a '/' names one file under src/ held to the same rule
                              (a GL-free header inside a module that also holds GL code)
    lib gdal: io              the only module(s) allowed to include that outside library family

Checks (only src/ is scanned; tests/ and bench/ may include anything):
  1. every `#include "b/x.h"` in src/a/ with b != a is inside a's allowed closure;
  2. no file of a core module reaches a GL/EGL/GLES/GLFW/ImGui header, following project includes
     transitively (the chain is printed);
  3. each outside library family is included by one module only (the `lib` line's module when
     there is one);
  4. every secmap_<b> in the root CMakeLists.txt's secmap_module(a DEPS ...) and
     target_link_libraries(secmap_a ...) is inside a's allowed closure.

Usage: check_layering.py [REPO_ROOT] [--readme FILE]
Exit status: 0 all good, 1 violations (all listed), 2 the README block is missing or malformed.
"""

import argparse
import os
import re
import sys
from collections import deque

MARKER = "<!-- module graph: checked by tests/layering/check_layering.py -->"
SOURCE_EXTS = (".h", ".hpp", ".cpp", ".cc", ".cxx", ".c")

# Outside library families: name -> predicate on the include path (as written, without delimiters).
def _base(p):
    return p.rsplit("/", 1)[-1]

LIB_FAMILIES = {
    "gdal": lambda p: re.fullmatch(r"(gdal|ogr|cpl_).*\.h", _base(p)) is not None,
    "proj": lambda p: _base(p) == "proj.h" or p.startswith("proj/"),
    "geos": lambda p: _base(p) == "geos_c.h" or p.startswith("geos/"),
    "sqlite": lambda p: _base(p) in ("sqlite3.h", "sqlite3ext.h") or _base(p).startswith("spatialite")
                        or p.startswith("spatialite/"),
    "utf8proc": lambda p: _base(p) == "utf8proc.h",
    "cairo": lambda p: _base(p).startswith("cairo") or p.startswith("cairo/"),
    "nettle": lambda p: p.startswith("nettle/"),
    "gif": lambda p: _base(p) == "gif_lib.h",
    "expat": lambda p: _base(p) in ("expat.h", "expat_external.h"),
    "glfw": lambda p: p.startswith("GLFW/"),
    "cli11": lambda p: p.startswith("CLI/"),
}
LIB_ALIASES = {"sqlite3": "sqlite", "spatialite": "sqlite", "sqlite/spatialite": "sqlite",
               "giflib": "gif", "cli": "cli11", "utf8": "utf8proc"}


def is_gui_header(p):
    """GL, EGL, GLES, GLFW or Dear ImGui (core modules must never reach these)."""
    b = _base(p)
    return (p.startswith(("GL/", "EGL/", "GLES", "GLFW/", "KHR/"))
            or b in ("imgui.h", "imgui_internal.h") or b.startswith("imgui_impl_"))


class ConfigError(Exception):
    pass


# ---------------------------------------------------------------------------------------- README
def read_graph(readme_path):
    try:
        with open(readme_path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError as e:
        raise ConfigError(f"cannot read {readme_path}: {e}")
    starts = [i for i, l in enumerate(lines) if l.strip() == MARKER]
    if not starts:
        raise ConfigError(f"{readme_path}: no line '{MARKER}' followed by a fenced code block "
                          "holding the module graph (see tests/layering/check_layering.py)")
    if len(starts) > 1:
        raise ConfigError(f"{readme_path}: the module-graph marker appears {len(starts)} times "
                          f"(lines {', '.join(str(s + 1) for s in starts)}); keep one")
    i = starts[0] + 1
    if i >= len(lines) or not lines[i].strip().startswith("```"):
        raise ConfigError(f"{readme_path}:{i + 1}: the line after the module-graph marker must open "
                          "a fenced code block (```)")
    deps, core, libs = {}, None, {}
    where = {}
    last = None  # the key of the entry an indented line continues
    i += 1
    closed = False
    while i < len(lines):
        raw = lines[i]
        if raw.strip().startswith("```"):
            closed = True
            break
        text = raw.split("#", 1)[0].strip()
        lineno = i + 1
        i += 1
        if not text:
            continue
        if raw[:1] in (" ", "\t") and last is not None:
            # an indented line continues the entry above it
            key, rest = last, text
            lineno = where.get(key, lineno)
            words = rest.split()
            if key == "core":
                core = (core[0] + words, core[1])
            elif key.startswith("lib "):
                libs[LIB_ALIASES.get(key[4:].strip().lower(), key[4:].strip().lower())][0].extend(words)
            else:
                deps[key].extend(words)
            continue
        if ":" not in text:
            raise ConfigError(f"{readme_path}:{lineno}: expected 'module: deps...', got {raw!r}")
        key, rest = text.split(":", 1)
        key = key.strip()
        words = rest.split()
        last = key
        if key == "core":
            if core is not None:
                raise ConfigError(f"{readme_path}:{lineno}: second 'core:' line")
            core = (words, lineno)
        elif key.startswith("lib "):
            name = key[4:].strip().lower()
            name = LIB_ALIASES.get(name, name)
            if name not in LIB_FAMILIES:
                raise ConfigError(f"{readme_path}:{lineno}: unknown library '{key[4:].strip()}' "
                                  f"(known: {', '.join(sorted(LIB_FAMILIES))})")
            libs[name] = (words, lineno)
        else:
            if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
                raise ConfigError(f"{readme_path}:{lineno}: bad module name {key!r}")
            if key in deps:
                raise ConfigError(f"{readme_path}:{lineno}: module '{key}' listed twice")
            deps[key] = words
            where[key] = lineno
    if not closed:
        raise ConfigError(f"{readme_path}: the module-graph code block is never closed")
    if not deps:
        raise ConfigError(f"{readme_path}: the module-graph block lists no modules")
    for m, ds in deps.items():
        for d in ds:
            if d not in deps:
                raise ConfigError(f"{readme_path}:{where[m]}: '{m}' depends on '{d}', "
                                  "which has no line of its own in the block")
    if core is None:
        raise ConfigError(f"{readme_path}: the module-graph block has no 'core:' line")
    for m in core[0]:
        if "/" in m:
            if m.split("/", 1)[0] not in deps:
                raise ConfigError(f"{readme_path}:{core[1]}: core file '{m}' is not in a module "
                                  "of the graph")
        elif m not in deps:
            raise ConfigError(f"{readme_path}:{core[1]}: core module '{m}' is not in the graph")
    for name, (ms, lineno) in libs.items():
        for m in ms:
            if m not in deps:
                raise ConfigError(f"{readme_path}:{lineno}: lib {name}: '{m}' is not in the graph")
    return deps, set(core[0]), {n: set(ms) for n, (ms, _) in libs.items()}


def closure(deps):
    out = {}
    for m in deps:
        seen, stack = set(), list(deps[m])
        while stack:
            d = stack.pop()
            if d not in seen:
                seen.add(d)
                stack.extend(deps[d])
        out[m] = seen
    return out


def find_cycles(deps, allowed):
    return sorted(m for m in deps if m in allowed[m])


# ---------------------------------------------------------------------------------------- source
INCLUDE_RE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def scan_includes(path):
    """[(lineno, delim, target)] for every #include outside /* */ comments."""
    out = []
    in_comment = False
    with open(path, encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, 1):
            if in_comment:
                end = line.find("*/")
                if end < 0:
                    continue
                line = " " * (end + 2) + line[end + 2:]
                in_comment = False
            m = INCLUDE_RE.match(line)
            if m:
                out.append((n, m.group(1), m.group(2).strip()))
            code = line.split("//", 1)[0]
            start = code.rfind("/*")
            if start >= 0 and code.find("*/", start) < 0:
                in_comment = True
    return out


class Repo:
    def __init__(self, root):
        self.root = root
        self.src = os.path.join(root, "src")
        if not os.path.isdir(self.src):
            raise ConfigError(f"{root}: no src/ folder")
        self.modules = sorted(d for d in os.listdir(self.src)
                              if os.path.isdir(os.path.join(self.src, d)))
        self.files = []  # repo-relative paths, '/'-separated
        for m in self.modules:
            for dirpath, dirnames, filenames in os.walk(os.path.join(self.src, m)):
                dirnames.sort()
                for fn in sorted(filenames):
                    if fn.endswith(SOURCE_EXTS):
                        self.files.append(self.rel(os.path.join(dirpath, fn)))
        self._inc = {}

    def rel(self, p):
        return os.path.relpath(p, self.root).replace(os.sep, "/")

    def includes(self, relpath):
        if relpath not in self._inc:
            self._inc[relpath] = scan_includes(os.path.join(self.root, relpath))
        return self._inc[relpath]

    def resolve(self, relpath, delim, target):
        """The repo-relative project file an include names, or None for an outside header."""
        cands = []
        if delim == '"':
            cands.append(os.path.join(self.root, os.path.dirname(relpath), target))
        cands.append(os.path.join(self.src, target))
        for c in cands:
            c = os.path.normpath(c)
            if os.path.isfile(c) and c.startswith(self.src + os.sep):
                return self.rel(c)
        if delim == '"' and "/" in target and target.split("/", 1)[0] in self.modules:
            return "src/" + target  # a project header that does not exist (yet): still an arrow
        return None


def module_of(relpath):
    return relpath.split("/")[1]


# ---------------------------------------------------------------------------------------- cmake
def strip_cmake_comments(text):
    out = []
    for line in text.splitlines():
        keep, in_str = [], False
        for ch in line:
            if ch == '"':
                in_str = not in_str
            if ch == "#" and not in_str:
                break
            keep.append(ch)
        out.append("".join(keep))
    return "\n".join(out)


def cmake_calls(text, name):
    """[(lineno, [args])] for every call name(...) (comments stripped, parens matched)."""
    text = strip_cmake_comments(text)
    calls = []
    for m in re.finditer(r"(?<![A-Za-z0-9_])" + re.escape(name) + r"\s*\(", text, re.IGNORECASE):
        depth, j = 1, m.end()
        while j < len(text) and depth:
            if text[j] == "(":
                depth += 1
            elif text[j] == ")":
                depth -= 1
            j += 1
        lineno = text.count("\n", 0, m.start()) + 1
        calls.append((lineno, text[m.end():j - 1].split()))
    return calls


def check_cmake(root, deps, allowed, problems):
    path = os.path.join(root, "CMakeLists.txt")
    if not os.path.isfile(path):
        problems.append("CMakeLists.txt: missing at the repo root (cannot check CMake arrows)")
        return 0
    with open(path, encoding="utf-8") as f:
        text = f.read()
    arrows = 0
    edges = []  # (lineno, call, module, dep)
    for lineno, args in cmake_calls(text, "secmap_module"):
        if not args or args[0].startswith("$"):
            continue  # the function's own definition uses ${name}
        mod, section = args[0], None
        if mod == "name":
            continue  # function(secmap_module name)
        for a in args[1:]:
            if re.fullmatch(r"[A-Z_]+", a):
                section = a
            elif section == "DEPS":
                m = re.fullmatch(r"secmap_(\w+)", a)
                if m:
                    edges.append((lineno, f"secmap_module({mod}) DEPS", mod, m.group(1)))
    for lineno, args in cmake_calls(text, "target_link_libraries"):
        if not args:
            continue
        m = re.fullmatch(r"secmap_(\w+)", args[0])
        if not m:
            continue
        mod = m.group(1)
        for a in args[1:]:
            d = re.fullmatch(r"secmap_(\w+)", a)
            if d:
                edges.append((lineno, f"target_link_libraries(secmap_{mod})", mod, d.group(1)))
    for lineno, what, mod, dep in edges:
        if dep not in deps or dep == mod:
            continue  # secmap_testlib and the like are not modules
        if mod not in deps:
            problems.append(f"CMakeLists.txt:{lineno} {what}: module '{mod}' has no line in the "
                            "README graph")
            continue
        arrows += 1
        if dep not in allowed[mod]:
            problems.append(f"CMakeLists.txt:{lineno} {what} links secmap_{dep}: {mod} may not "
                            f"depend on {dep} (README graph)")
    return arrows


# ---------------------------------------------------------------------------------------- main
def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("root", nargs="?", default=os.path.normpath(os.path.join(here, "..", "..")),
                    help="repository root (default: two levels above this script)")
    ap.add_argument("--readme", help="read the module graph from this file instead of README.md")
    args = ap.parse_args(argv)
    root = os.path.abspath(args.root)
    readme = args.readme or os.path.join(root, "README.md")

    try:
        deps, core, libs = read_graph(readme)
        repo = Repo(root)
    except ConfigError as e:
        print(f"layering: error: {e}")
        return 2

    allowed = closure(deps)
    problems = []
    for m in find_cycles(deps, allowed):
        problems.append(f"README graph: module '{m}' depends on itself through a cycle")
    for m in repo.modules:
        if m not in deps:
            problems.append(f"src/{m}/: module '{m}' has no line in the README graph")

    # 1. module arrows
    arrows = 0
    lib_users = {name: {} for name in LIB_FAMILIES}   # name -> module -> first "file:line"
    gui_users = {}                                     # module -> first "file:line"
    for f in repo.files:
        mod = module_of(f)
        for lineno, delim, target in repo.includes(f):
            proj = repo.resolve(f, delim, target)
            if proj is not None:
                dep = module_of(proj)
                if dep != mod:
                    arrows += 1
                    if mod in deps and dep not in allowed[mod]:
                        why = (f"{dep} is not in the README graph" if dep not in deps
                               else "README graph")
                        problems.append(f'{f}:{lineno} includes "{target}": {mod} may not depend '
                                        f"on {dep} ({why})")
                continue
            if is_gui_header(target):
                gui_users.setdefault(mod, f"{f}:{lineno}")
            for name, pred in LIB_FAMILIES.items():
                if pred(target):
                    lib_users[name].setdefault(mod, f"{f}:{lineno} <{target}>")

    # 2. core modules (and core files) never reach GL/EGL/GLFW/ImGui: one line per core file,
    #    shortest chain
    for f in sorted(c for c in core if "/" in c):
        if "src/" + f not in repo.files:
            problems.append(f"README graph: core file 'src/{f}' does not exist")
    for start in repo.files:
        if module_of(start) not in core and start[len("src/"):] not in core:
            continue
        parent = {start: None}
        queue = deque([start])
        found = None
        while queue and found is None:
            cur = queue.popleft()
            for lineno, delim, target in repo.includes(cur):
                proj = repo.resolve(cur, delim, target)
                if proj is not None:
                    if proj not in parent and os.path.isfile(os.path.join(root, proj)):
                        parent[proj] = (cur, lineno)
                        queue.append(proj)
                elif is_gui_header(target):
                    found = (cur, lineno, target)
                    break
        if found is None:
            continue
        cur, lineno, target = found
        chain = [f"{cur}:{lineno} <{target}>"]
        node = cur
        while parent[node] is not None:
            prev, pl = parent[node]
            chain.append(f"{prev}:{pl}")
            node = prev
        chain.reverse()
        what = (f"core module {module_of(start)}" if module_of(start) in core
                else f"core file {start}")
        problems.append(f"{what} reaches <{target}>: " + " -> ".join(chain))

    # 3. outside libraries: one module each
    for name in sorted(LIB_FAMILIES):
        users = lib_users[name]
        if not users:
            continue
        mods = sorted(users)
        if name in libs:
            bad = [m for m in mods if m not in libs[name]]
            if bad:
                problems.append(f"library {name} is included by modules {', '.join(mods)} "
                                f"(README allows {', '.join(sorted(libs[name]))}): "
                                + "; ".join(users[m] for m in bad))
        elif len(mods) > 1:
            problems.append(f"library {name} is included by modules {', '.join(mods)}: "
                            + "; ".join(users[m] for m in mods))

    # 4. CMake arrows
    cmake_arrows = check_cmake(root, deps, allowed, problems)

    gui = ", ".join(sorted(gui_users)) or "none"
    print(f"layering: GL/EGL/GLFW/ImGui headers are included by modules: {gui}")
    if problems:
        for p in problems:
            print(p)
        print(f"layering: {len(problems)} violation(s) in {len(repo.files)} files, {arrows} include "
              f"arrows and {cmake_arrows} CMake arrows checked against {readme}")
        return 1
    print(f"layering: {len(repo.files)} files, {arrows} include arrows and {cmake_arrows} CMake "
          "arrows checked, all within the README graph")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
