package dk.referent.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * The baseline of the live benchmark: the same embedded Tomcat and its plain WebSocket (JSR 356), no STOMP, no
 * Spring messaging, no Axon, no store. Clients connect to {@code /raw/{topic}}; {@code POST /publish/{topic}}
 * sends the request body as one text message to every session of that topic (in the request thread, then
 * answers 204). Run in its own JVM like the app: {@code java -Xmx2g -cp <test classpath>
 * dk.referent.bench.RawWsServer PORT}; prints "READY" when it listens.
 */
public final class RawWsServer {

    static final Map<String, Set<Session>> TOPICS = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Tomcat tomcat = new Tomcat();
        java.nio.file.Path base = Files.createTempDirectory("raw-ws");
        tomcat.setBaseDir(base.toString());
        tomcat.setPort(port);
        tomcat.getConnector();
        Context ctx = tomcat.addContext("", Files.createDirectory(base.resolve("doc")).toString());
        // the bench ends this process with SIGTERM: remove Tomcat's directory then
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (java.util.stream.Stream<java.nio.file.Path> files = Files.walk(base)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // left in the temp directory
            }
        }));
        ctx.addServletContainerInitializer(new WsSci(), null);
        ctx.addApplicationListener(Registrar.class.getName());
        Tomcat.addServlet(ctx, "publish", new Publish());
        ctx.addServletMappingDecoded("/publish/*", "publish");
        // the upgrade filter runs only for a request that some servlet maps
        ctx.addServletMappingDecoded("/", "publish");
        tomcat.start();
        System.out.println("READY " + port);
        System.out.flush();
        tomcat.getServer().await();
    }

    /** Registers the endpoint once the WebSocket container exists. */
    public static final class Registrar implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            ServerContainer container = (ServerContainer) event.getServletContext()
                    .getAttribute(ServerContainer.class.getName());
            try {
                container.addEndpoint(ServerEndpointConfig.Builder.create(Topic.class, "/raw/{topic}").build());
            } catch (jakarta.websocket.DeploymentException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One subscriber: joins its topic on open, leaves on close. */
    public static final class Topic extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            String topic = session.getPathParameters().get("topic");
            session.getUserProperties().put("topic", topic);
            TOPICS.computeIfAbsent(topic, k -> ConcurrentHashMap.newKeySet()).add(session);
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            leave(session);
        }

        @Override
        public void onError(Session session, Throwable error) {
            leave(session);
        }

        private static void leave(Session session) {
            Set<Session> s = TOPICS.get((String) session.getUserProperties().get("topic"));
            if (s != null) {
                s.remove(session);
            }
        }
    }

    static final class Publish extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String topic = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
            String body = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            for (Session s : TOPICS.getOrDefault(topic, Set.of())) {
                try {
                    synchronized (s) {
                        s.getBasicRemote().sendText(body);
                    }
                } catch (IOException | IllegalStateException e) {
                    TOPICS.get(topic).remove(s);
                }
            }
            resp.setStatus(204);
        }
    }
}
