package org.flowexplorer.app;

import java.util.Optional;

/**
 * Ends a relaunched child JVM when the launcher that started it is gone. A launcher killed with
 * SIGKILL cannot tell its child; without this the child trained on and later overwrote
 * {@code --out}. The launcher passes its pid as {@code -Dflowexplorer.parentPid}; a daemon thread
 * here checks it every {@value #POLL_MILLIS} ms ({@link ProcessHandle#isAlive()} also compares the
 * start time, so a reused pid does not count as the launcher).
 *
 * <p>{@code isAlive()} alone is not enough: it says true for a zombie, and a killed launcher stays
 * one until its own parent reaps it, which some parents never do (a shell that exec'd another
 * program). The moment the launcher exits, the kernel gives this JVM a new parent, so a parent pid
 * that is no longer the launcher's counts as gone too.
 */
final class ParentWatch {
    static final String PROPERTY = "flowexplorer.parentPid";
    static final long POLL_MILLIS = 200;
    /** How long the shutdown hooks of an orphaned child may take before it is halted. */
    static final long HOOK_GRACE_MILLIS = 2000;
    /** Exit status of a child whose launcher vanished: 128 + SIGHUP, as a shell reports a hang-up. */
    static final int ORPHANED = 129;

    private ParentWatch() {
    }

    /** Starts watching if this JVM was started by the launcher; otherwise does nothing. */
    static void startIfChild() {
        String pid = System.getProperty(PROPERTY);
        if (pid == null) {
            return;
        }
        Optional<ProcessHandle> parent;
        try {
            parent = ProcessHandle.of(Long.parseLong(pid.trim()));
        } catch (NumberFormatException e) {
            return;
        }
        if (parent.isEmpty()) {
            Runtime.getRuntime().halt(ORPHANED);
        }
        ProcessHandle launcher = parent.get();
        Thread watch = new Thread(() -> {
            boolean launcherIsParent = parentPid() == launcher.pid();
            while (launcher.isAlive() && (!launcherIsParent || parentPid() == launcher.pid())) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            // System.exit, not halt: the window's and the CLI's shutdown hooks still run; but a hook
            // that blocks (a library's, e.g. around native memory another thread is using) must not
            // keep an orphan alive: after HOOK_GRACE_MILLIS it is halted (once seen in a full test
            // run: a `train` child outlived its killed launcher by more than 5 s)
            Thread deadline = new Thread(() -> {
                try {
                    Thread.sleep(HOOK_GRACE_MILLIS);
                } catch (InterruptedException e) {
                    // halt at once
                }
                Runtime.getRuntime().halt(ORPHANED);
            }, "flowexplorer-parent-watch-halt");
            deadline.setDaemon(true);
            deadline.start();
            System.exit(ORPHANED);
        }, "flowexplorer-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /**
     * This JVM's parent pid, or -1 if it cannot be read. Compared only when the launcher was the
     * parent at start, so a wrapper between the two (none today) would not end the child.
     */
    private static long parentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    }
}
