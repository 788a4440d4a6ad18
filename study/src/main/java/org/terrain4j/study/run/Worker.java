package org.terrain4j.study.run;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Names the process that runs trials ({@code host:pid@start}, the process's start time in epoch
 * milliseconds) and tells whether another worker on this host is still alive, so that a resumed
 * search finds at once the trials a killed process left running; workers on other hosts are
 * judged by their heartbeat only. The start time tells a process apart from a later one that got
 * the same pid (after a restart of the machine or a wrap of the pid counter), which would otherwise
 * keep the dead one's trials running for good; names without it ({@code host:pid}, recorded by
 * earlier versions) are judged by the pid alone.
 */
public final class Worker {

    private Worker() {
    }

    /** This process: {@code host:pid@start}. */
    public static String current() {
        ProcessHandle self = ProcessHandle.current();
        return host() + ":" + self.pid() + startOf(self).map(start -> "@" + start).orElse("");
    }

    /** Whether {@code worker} ran on this host in a process that no longer exists. */
    public static boolean deadOnThisHost(String worker) {
        int colon = worker.lastIndexOf(':');
        if (colon < 0 || !worker.substring(0, colon).equals(host())) {
            return false;
        }
        String process = worker.substring(colon + 1);
        int at = process.indexOf('@');
        try {
            long pid = Long.parseLong(at < 0 ? process : process.substring(0, at));
            Long start = at < 0 ? null : Long.valueOf(process.substring(at + 1));
            Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            return handle.isEmpty() || start != null && startOf(handle.get()).map(s -> !s.equals(start)).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Optional<Long> startOf(ProcessHandle process) {
        return process.info().startInstant().map(java.time.Instant::toEpochMilli);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
