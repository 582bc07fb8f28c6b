package kg.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.server.CommunityBootstrapper;
import sun.misc.Signal;

/**
 * A Neo4j Community 5 server in this JVM: the real server bootstrapper (the one {@code neo4j console}
 * runs) with Bolt and HTTP (Neo4j Browser at /browser/) on 127.0.0.1 only, its home and store in one
 * directory, logs in DIR/logs. Prints one "ready bolt://..." line on stdout once Bolt accepts
 * connections; SIGTERM / SIGINT shut the databases down cleanly and exit 0.
 *
 * <p>Arguments: --bolt-port P --http-port Q --data DIR [--password PW] [--page-cache SIZE]
 * [--watch-stdin] (stop when standard input reaches end of file: the parent went away)
 * [--exit-when-ready] (a smoke run: start, run a few queries and HTTP requests, stop; used to
 * record the class-data-sharing archive at build time). Port 0 picks a free port.
 */
public final class Launcher {
    private static final PrintStream OUT = System.out;
    private static final PrintStream ERR = System.err;

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Integer boltPort = null;
        Integer httpPort = null;
        Path data = null;
        String password = null;
        String pageCache = "64m";
        boolean watchStdin = false;
        boolean exitWhenReady = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--bolt-port" -> boltPort = port(a, value(args, ++i, a));
                case "--http-port" -> httpPort = port(a, value(args, ++i, a));
                case "--data" -> data = Path.of(value(args, ++i, a)).toAbsolutePath().normalize();
                case "--password" -> password = value(args, ++i, a);
                case "--page-cache" -> pageCache = value(args, ++i, a);
                case "--watch-stdin" -> watchStdin = true;
                case "--exit-when-ready" -> exitWhenReady = true;
                default -> fail("unknown argument " + a);
            }
        }
        if (boltPort == null || httpPort == null || data == null) {
            fail("usage: --bolt-port P --http-port Q --data DIR [--password PW]");
        }
        if (boltPort == 0) {
            boltPort = freePort();
        }
        if (httpPort == 0) {
            httpPort = freePort();
        }
        if (password != null && password.isEmpty()) {
            fail("--password must not be empty");
        }

        Files.createDirectories(data.resolve("conf"));
        Path userLogs = data.resolve("conf/user-logs.xml");
        try (InputStream in = Launcher.class.getResourceAsStream("/user-logs.xml")) {
            Files.write(userLogs, in.readAllBytes());
        }

        Map<String, String> cfg = new HashMap<>();
        cfg.put("server.default_listen_address", "127.0.0.1");
        cfg.put("server.default_advertised_address", "127.0.0.1");
        cfg.put("server.bolt.enabled", "true");
        cfg.put("server.bolt.listen_address", "127.0.0.1:" + boltPort);
        cfg.put("server.bolt.advertised_address", "127.0.0.1:" + boltPort);
        cfg.put("server.bolt.tls_level", "DISABLED");
        cfg.put("server.http.enabled", "true");
        cfg.put("server.http.listen_address", "127.0.0.1:" + httpPort);
        cfg.put("server.http.advertised_address", "127.0.0.1:" + httpPort);
        cfg.put("server.https.enabled", "false");
        cfg.put("dbms.security.auth_enabled", Boolean.toString(password != null));
        cfg.put("dbms.security.auth_minimum_password_length", "1");
        cfg.put("server.memory.pagecache.size", pageCache);
        cfg.put("server.logs.user.config", userLogs.toString());
        cfg.put("dbms.usage_report.enabled", "false");
        // Small stores for throwaway data directories: no 256 MB preallocated transaction logs.
        cfg.put("db.tx_log.preallocate", "false");
        // Netty waits a 5 s quiet period per event loop group at shutdown; nothing needs it here.
        cfg.put("internal.dbms.bolt.netty_server_shutdown_quiet_period", "0");
        cfg.put("db.tx_log.rotation.retention_policy", "2 files");

        CommunityBootstrapper boot = new CommunityBootstrapper();
        int rc = boot.start(data, null, cfg, false, false);
        if (rc != 0 || !boot.isRunning()) {
            ERR.println("neo4j-server: Neo4j failed to start (code " + rc + "); see " + data.resolve("logs"));
            boot.stop();
            System.exit(rc != 0 ? rc : 1);
        }

        // From here on our handlers replace the bootstrapper's (which only System.exit(0)).
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        try {
            Signal.handle(new Signal("INT"), s -> stop.countDown());
        } catch (IllegalArgumentException ignored) {
            // SIGINT ignored by the parent (a background job): SIGTERM still works.
        }
        if (watchStdin) {
            Thread watcher = new Thread(() -> {
                try {
                    while (System.in.read() >= 0) {
                        // drain
                    }
                } catch (IOException ignored) {
                    // treat as end of file
                }
                stop.countDown();
            }, "stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        try {
            if (password != null) {
                boot.getDatabaseManagementService()
                        .database("system")
                        .executeTransactionally(
                                "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            }
            awaitPort(boltPort, 60_000);
            awaitPort(httpPort, 60_000);
        } catch (Exception e) {
            ERR.println("neo4j-server: " + e);
            boot.stop();
            System.exit(1);
        }

        OUT.println("neo4j-server: ready bolt://127.0.0.1:" + boltPort + " http://127.0.0.1:" + httpPort
                + " (auth " + (password == null ? "disabled" : "enabled") + ", data " + data + ")");
        OUT.flush();

        if (exitWhenReady) {
            warmUp(boot, httpPort);
            stop.countDown();
        }
        stop.await();
        int code = boot.stop();
        OUT.println("neo4j-server: stopped");
        OUT.flush();
        System.exit(code);
    }

    /** Load the classes a test session needs first: Cypher planning and runtime, HTTP, Browser. */
    private static void warmUp(CommunityBootstrapper boot, int httpPort) throws Exception {
        var db = boot.getDatabaseManagementService().database("neo4j");
        db.executeTransactionally("CREATE INDEX warm_up IF NOT EXISTS FOR (n:WarmUp) ON (n.id)");
        db.executeTransactionally(
                "UNWIND range(1, $n) AS i MERGE (a:WarmUp {id: i}) MERGE (b:WarmUp {id: i + 1}) "
                        + "MERGE (a)-[r:NEXT]->(b) SET r.w = toFloat(i), a.name = 'n' + i",
                Map.of("n", 200));
        db.executeTransactionally(
                "MATCH (a:WarmUp)-[r:NEXT]->(b) WHERE a.id < $k "
                        + "RETURN a.name AS name, count(b) AS c, sum(r.w) AS w ORDER BY name LIMIT 10",
                Map.of("k", 50),
                r -> {
                    r.stream().count();
                    return null;
                });
        db.executeTransactionally("MATCH (n:WarmUp) DETACH DELETE n");
        db.executeTransactionally("DROP INDEX warm_up IF EXISTS");
        for (String path : new String[] {"/", "/browser/"}) {
            var url = new java.net.URL("http://127.0.0.1:" + httpPort + path);
            var conn = (java.net.HttpURLConnection) url.openConnection();
            try (InputStream in = conn.getInputStream()) {
                in.readAllBytes();
            }
        }
    }

    private static int freePort() throws IOException {
        try (var s = new java.net.ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port, long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IOException("port " + port + " does not accept connections", e);
                }
                Thread.sleep(100);
            }
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            fail(flag + " needs a value");
        }
        return args[i];
    }

    private static int port(String flag, String v) {
        try {
            int p = Integer.parseInt(v);
            if (p > 0 && p < 65536) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        if ("0".equals(v)) {
            return 0;
        }
        fail(flag + ": not a port: " + v);
        return -1;
    }

    private static void fail(String message) {
        ERR.println("neo4j-server: " + message);
        System.exit(2);
    }
}
