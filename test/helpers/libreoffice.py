"""One headless LibreOffice shared by a whole jest run, driven through UNO (test/helpers/libreoffice.ts).

  serve RUN_DIR OWNER_PID   start soffice with its profile and temporary files in RUN_DIR, listening on a pipe
                            named after RUN_DIR; write RUN_DIR/service.json once it answers (or why it failed); stop it
                            on SIGTERM, when it dies, or when the jest process OWNER_PID is gone (then remove RUN_DIR)
  convert PIPE FILTER OPTIONS IN OUT [IN OUT ...]
                            open each IN as `soffice --convert-to` does (read-only, hidden) and store it to OUT

A separate keeper process, not a jest worker, owns soffice: workers come and go during a run, and a run killed
before jest's global teardown must still not leave soffice behind.
"""

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time

import uno
from com.sun.star.beans import PropertyValue

START_SECONDS = 60


def props(**values):
    out = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name = name
        prop.Value = value
        out.append(prop)
    return tuple(out)


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
    return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def write_state(run_dir, state):
    # Written whole, then renamed: a worker never reads half of it.
    tmp = os.path.join(run_dir, "service.json.tmp")
    with open(tmp, "w", encoding="utf8") as f:
        json.dump(state, f)
    os.replace(tmp, os.path.join(run_dir, "service.json"))


def pipe_files(pipe, profile):
    """The sockets soffice makes in /tmp (LibreOffice's fixed folder for pipes): the one it accepts on, and the
    one another soffice on the same profile would find it by, named by the MD5 of the profile's URL in UTF-16 with
    each byte in hex, unpadded (desktop/source/app/officeipcthread.cxx)."""
    digest = "".join(format(b, "x") for b in hashlib.md5(profile.encode("utf-16-le")).digest())
    return [f"/tmp/OSL_PIPE_{os.getuid()}_{name}" for name in (pipe, f"SingleOfficeIPC_{digest}")]


def stop(office, pipe, profile, ready):
    """Ask soffice to quit; else end its process group (soffice is a script over oosplash over soffice.bin, all in
    the group started for them)."""
    if ready and office.poll() is None:

        def terminate():
            try:
                connect(pipe).terminate()
            except Exception:  # noqa: BLE001 - the bridge goes down with soffice, or soffice hangs: killed below
                pass

        # In a thread: a hung soffice would never answer.
        threading.Thread(target=terminate, daemon=True).start()
        try:
            office.wait(15)
        except subprocess.TimeoutExpired:
            pass
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if office.poll() is not None:
            break
        try:
            os.killpg(office.pid, sig)
            office.wait(10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass
    # Left behind by a soffice that was killed or crashed.
    for path in pipe_files(pipe, profile):
        try:
            os.unlink(path)
        except OSError:
            pass


def serve(run_dir, owner):
    pipe = os.path.basename(run_dir)
    profile = uno.systemPathToFileUrl(os.path.join(run_dir, "profile"))
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    log_path = os.path.join(run_dir, "soffice.log")
    with open(log_path, "wb") as log:
        office = subprocess.Popen(
            [
                "soffice",
                f"-env:UserInstallation={profile}",
                "--headless",
                "--invisible",
                "--nologo",
                "--nodefault",
                "--norestore",
                "--nolockcheck",
                f"--accept=pipe,name={pipe};urp;",
            ],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            # LibreOffice leaves lu*.tmp files in TMPDIR: keep them in the run's folder.
            env={**os.environ, "TMPDIR": run_dir},
            start_new_session=True,
        )
    # For jest's global teardown, should this keeper not answer.
    with open(os.path.join(run_dir, "office.pid"), "w", encoding="utf8") as f:
        f.write(str(office.pid))

    # Connecting waits until soffice has started (seconds): in a thread, so that the keeper keeps watching.
    ready = threading.Event()

    def wait_ready():
        while not stopping.is_set():
            try:
                connect(pipe)
                ready.set()
                return
            except Exception:  # noqa: BLE001 - not listening yet, or the restart after a new profile's first start
                time.sleep(0.2)

    threading.Thread(target=wait_ready, daemon=True).start()
    started = time.monotonic()
    announced = False
    why = None
    while not stopping.wait(0.1) and alive(owner):
        if office.poll() is not None:
            why = f"exited with code {office.returncode}"
            break
        if ready.is_set() and not announced:
            write_state(run_dir, {"python": sys.executable, "pipe": pipe})
            announced = True
        if not announced and time.monotonic() - started > START_SECONDS:
            why = f"did not answer within {START_SECONDS} s"
            break
    if why:
        with open(log_path, encoding="utf8", errors="replace") as f:
            # Without Java, every start warns about javaldx: not the reason.
            tail = "".join(line for line in f if "javaldx" not in line)[-2000:]
        write_state(run_dir, {"error": f"LibreOffice (soffice --headless) {why}. {tail}".strip()})
    stop(office, pipe, profile, ready.is_set())
    if not alive(owner):
        shutil.rmtree(run_dir, ignore_errors=True)
    else:
        # For the teardown, which may see this process as a zombie for a while.
        open(os.path.join(run_dir, "keeper.done"), "w").close()


def convert(pipe, filter_name, options, pairs):
    desktop = connect(pipe)
    store = {"Overwrite": True, "FilterName": filter_name}
    if options:
        store["FilterOptions"] = options
    # Opened and stored as desktop/source/app/dispatchwatcher.cxx does for --convert-to: read-only, hidden, silent,
    # in a new frame; stored with Overwrite, FilterName and FilterOptions.
    load = props(ReadOnly=True, OpenNewView=True, Hidden=True, Silent=True)
    for source, target in pairs:
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, load)
        if doc is None:
            raise RuntimeError(f"LibreOffice could not open {source}")
        try:
            doc.storeToURL(uno.systemPathToFileUrl(target), props(**store))
        finally:
            doc.close(True)


def main(argv):
    if argv[0] == "serve":
        serve(argv[1], int(argv[2]))
    elif argv[0] == "convert":
        files = argv[4:]
        convert(argv[1], argv[2], argv[3], list(zip(files[::2], files[1::2])))
    else:
        raise SystemExit(f"unknown command {argv[0]}")


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except Exception as error:  # noqa: BLE001 - every failure goes to the caller as one line
        sys.stderr.write(f"{type(error).__name__}: {error}\n")
        sys.stdout.flush()
        os._exit(1)
    sys.stdout.flush()
    # The UNO bridge's threads can keep a finished interpreter waiting: leave at once.
    os._exit(0)
