#!/usr/bin/env python3
"""Whole-process start-up of a small program with and without Kiln, as users run it.

Builds docs/tools/startup/fixture into a jar, then times (wall clock, best and median of N)
  plain      java -cp app.jar fixture.Main --plain                (no Kiln at all)
  disabled   java -Dkiln.disable=true -cp app.jar:kiln.jar fixture.Main
  warm       java -cp app.jar:kiln.jar fixture.Main               (cache filled before)
  cold       the same on an empty cache directory each time
  agent      java -javaagent:kiln.jar -cp app.jar fixture.Main --plain  (warm cache)
and, on JDK 25 and later, plain and warm again with an AOT cache made for each by a training
run (-XX:AOTCacheOutput, then -XX:AOTCache: JEP 483/514); their "best - plain" is against
plain with its AOT cache. Prints a Markdown table. Usage: python3 docs/tools/startup.py [N] [java]
(kiln.jar from `mvn -pl agent -am package -DskipTests`).
"""
import os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KILN = os.path.join(ROOT, "agent", "target", "kiln.jar")


def timed(cmd, env):
    t = time.perf_counter()
    r = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ms = (time.perf_counter() - t) * 1000
    if r.returncode != 0 or "RESULT scaledSum 22.0" not in r.stdout:
        sys.exit("failed: %s\n%s%s" % (" ".join(cmd), r.stdout, r.stderr))
    return ms, r.stderr


def feature(java):
    """The feature release of {java} (17 for "17.0.15", 25 for "25.0.3")."""
    out = subprocess.run([java, "-version"], stderr=subprocess.PIPE, text=True).stderr
    version = out.split('"')[1] if '"' in out else "0"
    return int(version.split(".")[0]) if version.split(".")[0].isdigit() else 0


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    java = sys.argv[2] if len(sys.argv) > 2 else "java"
    javac = os.path.join(os.path.dirname(shutil.which(java) or java), "javac")
    if not os.path.exists(KILN):
        sys.exit("no " + KILN + "; build it first")
    work = tempfile.mkdtemp(prefix="kiln-startup-")
    classes = os.path.join(work, "classes")
    src = os.path.join(ROOT, "docs", "tools", "startup", "fixture")
    subprocess.run([javac, "-d", classes, "-cp", KILN]
                   + [os.path.join(src, f) for f in sorted(os.listdir(src))], check=True)
    app = os.path.join(work, "app.jar")
    subprocess.run(["jar", "cf", app, "-C", classes, "."], check=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("KILN_")
           and k not in ("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")}
    cp = app + os.pathsep + KILN
    warm_dir = os.path.join(work, "warm")
    agent_dir = os.path.join(work, "agent")
    modes = {
        "plain Java (no Kiln)": lambda i: [java, "-cp", app, "fixture.Main", "--plain"],
        "Kiln disabled (-Dkiln.disable=true)":
            lambda i: [java, "-Dkiln.disable=true", "-cp", cp, "fixture.Main"],
        "Kiln, warm cache": lambda i: [java, "-Dkiln.cache.dir=" + warm_dir, "-cp", cp,
                                       "fixture.Main"],
        "Kiln, cold cache": lambda i: [java, "-Dkiln.cache.dir=" + os.path.join(work, "c%d" % i),
                                       "-cp", cp, "fixture.Main"],
        "agent, warm cache": lambda i: [java, "-javaagent:" + KILN, "-Dkiln.cache.dir=" + agent_dir,
                                        "-cp", app, "fixture.Main", "--plain"],
    }
    timed(modes["Kiln, warm cache"](0), env)  # fill the caches
    _, err = timed(modes["Kiln, warm cache"](0), env)
    assert "cache hits 3" in err, err
    timed(modes["agent, warm cache"](0), env)
    if feature(java) >= 25:
        for name, base in (("plain Java, AOT cache", modes["plain Java (no Kiln)"](0)),
                           ("Kiln, warm cache, AOT cache", modes["Kiln, warm cache"](0))):
            aot = os.path.join(work, "%d.aot" % len(modes))
            timed([java, "-XX:AOTCacheOutput=" + aot] + base[1:], env)  # the training run
            modes[name] = (lambda cmd: lambda i: cmd)([java, "-XX:AOTCache=" + aot] + base[1:])
        _, err = timed(modes["Kiln, warm cache, AOT cache"](0), env)
        assert "cache hits 3" in err, err
    times = {m: [] for m in modes}
    for i in range(n):
        for m, cmd in modes.items():  # interleaved: a slow moment hits every mode alike
            times[m].append(timed(cmd(i), env)[0])
    version = subprocess.run([java, "-version"], stderr=subprocess.PIPE, text=True).stderr
    print("%s; %d CPUs; best and median of %d runs" % (version.splitlines()[0], os.cpu_count(), n))
    print()
    print("| run | best ms | median ms | best − plain |")
    print("|---|---:|---:|---:|")
    for m, ts in times.items():
        base = "plain Java, AOT cache" if "AOT" in m else "plain Java (no Kiln)"
        print("| %s | %.0f | %.0f | %+.0f |" % (m, min(ts), statistics.median(ts),
                                                min(ts) - min(times[base])))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
