"""One headless LibreOffice shared by a whole jest run, driven through UNO (test/helpers/libreoffice.ts).

  serve RUN_DIR OWNER_PID   start soffice with its profile and temporary files in RUN_DIR, listening on a pipe
                            named after RUN_DIR; write RUN_DIR/service.json once it answers (or why it failed); stop it
                            on SIGTERM, when it dies, or when the jest process OWNER_PID is gone (then remove RUN_DIR)
  convert PIPE FILTER OPTIONS IN OUT [IN OUT ...]
                            open each IN as `soffice --convert-to` does (read-only, hidden) and store it to OUT

A separate keeper process, not a jest worker, owns soffice: workers come and go during a run, and a run killed
before jest's global teardown must still not leave soffice behind.
"""

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
from com.sun.star.connection import NoConnectException

START_SECONDS = 120


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


def stop(office, pipe):
    """Ask soffice to quit, which removes its pipes from /tmp; else end its process group (soffice is a script over
    oosplash over soffice.bin, all in the group started for them) and remove the pipe it listened on."""
    if office.poll() is not None:
        return

    def terminate():
        try:
            connect(pipe).terminate()
        except Exception:  # noqa: BLE001 - the bridge goes down with soffice, or soffice hangs: killed below
            pass

    # In a thread: a hung soffice would never answer.
    threading.Thread(target=terminate, daemon=True).start()
    try:
        office.wait(15)
        return
    except subprocess.TimeoutExpired:
        pass
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        try:
            os.killpg(office.pid, sig)
        except ProcessLookupError:
            return
        try:
            office.wait(wait)
            return
        except subprocess.TimeoutExpired:
            pass
    try:
        os.unlink(f"/tmp/OSL_PIPE_{os.getuid()}_{pipe}")
    except OSError:
        pass


def serve(run_dir, owner):
    pipe = os.path.basename(run_dir)
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    log = open(os.path.join(run_dir, "soffice.log"), "wb")
    office = subprocess.Popen(
        [
            "soffice",
            "-env:UserInstallation=" + uno.systemPathToFileUrl(os.path.join(run_dir, "profile")),
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
    started = time.monotonic()
    while True:
        try:
            connect(pipe)
            write_state(run_dir, {"python": sys.executable, "pipe": pipe})
            break
        except NoConnectException:
            pass
        code = office.poll()
        late = time.monotonic() - started > START_SECONDS
        if code is not None or late or stopping or not alive(owner):
            stop(office, pipe)
            why = f"exited with code {code}" if code is not None else f"did not answer within {START_SECONDS} s"
            log.close()
            with open(os.path.join(run_dir, "soffice.log"), encoding="utf8", errors="replace") as f:
                tail = f.read()[-2000:]
            write_state(run_dir, {"error": f"LibreOffice (soffice --headless) {why}. {tail}".strip()})
            return
        time.sleep(0.2)
    while not stopping and alive(owner) and office.poll() is None:
        time.sleep(0.5)
    if office.poll() is not None and not stopping:
        write_state(run_dir, {"error": f"LibreOffice (soffice --headless) exited with code {office.returncode}"})
    stop(office, pipe)
    if not alive(owner):
        shutil.rmtree(run_dir, ignore_errors=True)


def convert(pipe, filter_name, options, pairs):
    desktop = connect(pipe)
    store = {"Overwrite": True, "FilterName": filter_name}
    if options:
        store["FilterOptions"] = options
    for source, target in pairs:
        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(source), "_blank", 0, props(ReadOnly=True, Hidden=True)
        )
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
