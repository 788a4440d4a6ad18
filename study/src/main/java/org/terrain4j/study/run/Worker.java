package org.terrain4j.study.run;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Names the process that runs trials ({@code host:pid}) and tells whether another worker on
 * this host is still alive, so that a resumed search finds at once the trials a killed process
 * left running; workers on other hosts are judged by their heartbeat only.
 */
public final class Worker {

    private Worker() {
    }

    /** This process: {@code host:pid}. */
    public static String current() {
        return host() + ":" + ProcessHandle.current().pid();
    }

    /** Whether {@code worker} ran on this host in a process that no longer exists. */
    public static boolean deadOnThisHost(String worker) {
        int colon = worker.lastIndexOf(':');
        if (colon < 0 || !worker.substring(0, colon).equals(host())) {
            return false;
        }
        try {
            long pid = Long.parseLong(worker.substring(colon + 1));
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
