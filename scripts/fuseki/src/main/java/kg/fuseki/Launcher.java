package kg.fuseki;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.system.FusekiLogging;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import sun.misc.Signal;

/**
 * Apache Jena Fuseki (jena-fuseki-main) in this JVM with one dataset, "kg": TDB2 in memory, or on
 * disk in --data DIR, with the union default graph ({@code tdb2:unionDefaultGraph true}) and SPARQL
 * query, update and Graph Store Protocol endpoints (see kg-dataset.ttl), on 127.0.0.1 only. Prints
 * one "fuseki-server: ready http://127.0.0.1:P/kg" line on stdout once a SPARQL query is answered
 * over HTTP; SIGTERM / SIGINT stop the server, close the dataset and exit 0. Logs go to stderr.
 *
 * <p>Arguments: --port P (0: any free port, named in the ready line) [--data DIR] [--watch-stdin]
 * (stop when standard input reaches end of file: the parent went away).
 */
public final class Launcher {
    private static final PrintStream OUT = System.out;
    private static final PrintStream ERR = System.err;

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Integer port = null;
        Path data = null;
        boolean watchStdin = false;
        boolean train = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> port = port(a, value(args, ++i, a));
                case "--data" -> data = Path.of(value(args, ++i, a)).toAbsolutePath().normalize();
                case "--watch-stdin" -> watchStdin = true;
                case "--train" -> train = true;
                default -> fail("unknown argument " + a);
            }
        }
        if (port == null) {
            fail("usage: --port P [--data DIR] [--watch-stdin]");
        }
        if (data != null) {
            Files.createDirectories(data);
        }

        FusekiLogging.setLogging();

        String location = data == null ? "--mem--" : data.toString();
        String config;
        try (InputStream in = Launcher.class.getResourceAsStream("/kg-dataset.ttl")) {
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@LOCATION@", location.replace("\\", "\\\\").replace("\"", "\\\""));
        }
        Model model = ModelFactory.createDefaultModel();
        RDFParser.fromString(config, Lang.TURTLE).base("urn:kg:fuseki-config").parse(model);

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

        FusekiServer server;
        try {
            server = FusekiServer.create().port(port).loopback(true).parseConfig(model).build();
            // loopback(true) binds "localhost"; pin the IPv4 loopback the URLs name.
            for (Connector c : server.getJettyServer().getConnectors()) {
                if (c instanceof ServerConnector sc) {
                    sc.setHost("127.0.0.1");
                }
            }
            server.start();
        } catch (Exception e) {
            ERR.println("fuseki-server: Fuseki failed to start: " + e);
            System.exit(1);
            return;
        }

        if (port == 0) {
            port = server.getHttpPort();
        }
        String dataset = "http://127.0.0.1:" + port + "/kg";
        try {
            awaitQuery(dataset + "/query", 60_000);
        } catch (Exception e) {
            ERR.println("fuseki-server: " + e);
            shutdown(server);
            System.exit(1);
        }

        OUT.println("fuseki-server: ready " + dataset + " (Jena Fuseki " + Fuseki.VERSION + ", dataset kg: TDB2 "
                + (data == null ? "in memory" : data.toString()) + ", union default graph)");
        OUT.flush();

        if (train) {
            // Build time: one round of the requests tests make, so a class-data sharing archive
            // dumped at exit (-XX:ArchiveClassesAtExit) holds the classes they need; then stop.
            try {
                train(dataset);
            } catch (Exception e) {
                ERR.println("fuseki-server: training requests failed: " + e);
                shutdown(server);
                System.exit(1);
            }
            stop.countDown();
        }
        stop.await();
        shutdown(server);
        OUT.println("fuseki-server: stopped");
        OUT.flush();
        System.exit(0);
    }

    private static void shutdown(FusekiServer server) {
        // The registry lives in the servlet context: take the datasets before Jetty stops.
        List<DataService> services = new ArrayList<>();
        DataAccessPointRegistry registry = server.getDataAccessPointRegistry();
        if (registry != null) {
            registry.forEach((name, dap) -> services.add(dap.getDataService()));
        }
        try {
            server.stop();
        } catch (Exception e) {
            ERR.println("fuseki-server: stopping Jetty: " + e);
        }
        for (DataService service : services) {
            try {
                service.shutdown();
            } catch (Exception e) {
                ERR.println("fuseki-server: closing the dataset: " + e);
            }
        }
    }

    private static void train(String dataset) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        String g = "http://example.org/train";
        String[][] requests = {
            {"/update", "application/sparql-update",
                "INSERT DATA { GRAPH <" + g + "> { <urn:s> <urn:p> \"o\"@en, 1, 2.5, true } }"},
            {"/query", "application/x-www-form-urlencoded",
                "query=" + URLEncoder.encode("SELECT ?s (COUNT(*) AS ?n) { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } "
                        + "FILTER(isIRI(?s)) } GROUP BY ?s ORDER BY ?s LIMIT 10", StandardCharsets.UTF_8)},
            {"/data?graph=" + URLEncoder.encode(g, StandardCharsets.UTF_8), "text/turtle",
                "@prefix ex: <http://example.org/> . ex:a ex:b ex:c , \"d\" ."},
            {"/update", "application/sparql-update", "DROP SILENT GRAPH <" + g + "> ; CLEAR ALL"},
        };
        for (String[] r : requests) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(dataset + r[0])).header("Content-Type", r[1]);
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString(r[2]);
            b = r[0].startsWith("/data") ? b.PUT(body) : b.POST(body);
            HttpResponse<String> resp = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() / 100 != 2) {
                throw new IOException(r[0] + ": HTTP " + resp.statusCode() + ": " + resp.body());
            }
        }
    }

    /** POST a trivial query until the endpoint answers 200 (the dataset is open and queryable). */
    private static void awaitQuery(String endpoint, long timeoutMillis) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8)))
                .build();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        String last = "no answer";
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + r.statusCode() + ": " + r.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(100);
        }
        throw new IOException(endpoint + " does not answer a query: " + last);
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
            if (p >= 0 && p < 65536) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        fail(flag + ": not a port: " + v);
        return -1;
    }

    private static void fail(String message) {
        ERR.println("fuseki-server: " + message);
        System.exit(2);
    }
}
