package orgmodel.neo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.fs.FileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.Level;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.logging.log4j.Log4jLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;

/**
 * Runs a Neo4j Community DBMS in this JVM with the Bolt connector enabled, so
 * that clients (the Python driver) talk to it exactly as to a standalone server.
 *
 * <p>Usage: {@code Neo4jRunner HOME CONF READY_FILE} with the password of user
 * {@code neo4j} in the environment variable {@code NEO4J_RUNNER_PASSWORD} (kept out
 * of the command line, which {@code ps} shows). On a new store the password is
 * written as the initial password (like {@code neo4j-admin dbms set-initial-password});
 * on an existing store it is set with {@code ALTER USER}, unless
 * {@code NEO4J_RUNNER_PASSWORD_UNCHANGED=1} says the store already has it.
 *
 * <ul>
 *   <li>HOME: the DBMS home; data goes to HOME/data, Neo4j's own logs to HOME/logs.</li>
 *   <li>CONF: a neo4j.conf (bolt listen address, auth, memory ...), written by scripts/neo4j.</li>
 *   <li>READY_FILE: written once Bolt listens and the password is set; removed on shutdown.</li>
 * </ul>
 *
 * <p>SIGTERM (or SIGINT) runs a shutdown hook that calls
 * {@link DatabaseManagementService#shutdown()}, so the store is closed cleanly
 * and can be reopened by the next start with --keep.
 */
public final class Neo4jRunner {
    private static final String MARK = "[orgmodel-neo4j] ";

    private Neo4jRunner() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: Neo4jRunner HOME CONF READY_FILE  (password in $NEO4J_RUNNER_PASSWORD)");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path conf = Path.of(args[1]).toAbsolutePath();
        Path ready = Path.of(args[2]).toAbsolutePath();
        String password = System.getenv("NEO4J_RUNNER_PASSWORD");
        if (password == null || password.isEmpty()) {
            System.err.println(MARK + "NEO4J_RUNNER_PASSWORD is not set");
            System.exit(2);
        }
        Files.deleteIfExists(ready);

        long t0 = System.nanoTime();
        log("starting Neo4j " + neo4jVersion() + " home=" + home + " conf=" + conf);
        Config config = Config.newBuilder()
                .set(GraphDatabaseSettings.neo4j_home, home)
                .fromFile(conf)
                .build();
        boolean newStore = !Files.exists(config.get(GraphDatabaseSettings.data_directory).resolve("databases")
                .resolve(GraphDatabaseSettings.SYSTEM_DATABASE_NAME));
        if (newStore) {
            writeInitialPassword(config, password);
        }
        Log4jLogProvider userLog = new Log4jLogProvider(System.out, Level.INFO);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .loadPropertiesFromFile(conf)
                .setUserLogProvider(userLog)
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            log("shutdown requested, stopping DBMS");
            try {
                dbms.shutdown();
                log("DBMS stopped cleanly");
            } catch (Throwable t) {
                log("error during shutdown: " + t);
            } finally {
                try {
                    Files.deleteIfExists(ready);
                } catch (IOException ignored) {
                    // best effort
                }
                stopped.countDown();
            }
        }, "orgmodel-neo4j-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        try {
            if (newStore) {
                log("new store: initial password of user neo4j applied");
            } else if ("1".equals(System.getenv("NEO4J_RUNNER_PASSWORD_UNCHANGED"))) {
                log("existing store: password of user neo4j left as it was");
            } else {
                setPassword(dbms, password);
            }
        } catch (Throwable t) {
            log("FAILED to set the password of user neo4j: " + t);
            t.printStackTrace();
            System.exit(3);  // runs the shutdown hook
        }

        // Write atomically so a poller never sees a half-written file.
        Path tmp = ready.resolveSibling(ready.getFileName() + ".tmp");
        Files.writeString(tmp, ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, ready, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log(String.format("READY in %.1f s", (System.nanoTime() - t0) / 1e9));

        stopped.await();  // park the main thread until the shutdown hook has run
    }

    /** Writes data/dbms/auth.ini, which the DBMS reads once, when it creates the system database. */
    private static void writeInitialPassword(Config config, String password) throws Exception {
        Path file = CommunitySecurityModule.getInitialUserRepositoryFile(config);
        try (FileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
            fs.mkdirs(file.getParent());
            if (fs.fileExists(file)) {
                fs.deleteFile(file);
            }
            FileUserRepository users = new FileUserRepository(fs, file, NullLogProvider.getInstance(),
                    EmptyMemoryTracker.INSTANCE);
            users.start();
            users.create(new User("neo4j", null, SystemGraphCredential.createCredentialForPassword(
                    password.getBytes(StandardCharsets.UTF_8), new SecureHasher()), false, false));
            users.shutdown();
        }
    }

    /** Sets the password of {@code neo4j} (no forced change), also when it already is that one. */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PLAINTEXT PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            log("password of user neo4j set");
        } catch (RuntimeException e) {
            // A kept data dir already has this password: Neo4j refuses to "change" it to itself.
            String msg = String.valueOf(e.getMessage()) + " " + String.valueOf(e.getCause());
            if (msg.contains("cannot be the same")) {
                log("password of user neo4j already set");
                system.executeTransactionally("ALTER USER neo4j SET PASSWORD CHANGE NOT REQUIRED");
            } else {
                throw e;
            }
        }
    }

    private static String neo4jVersion() {
        Package p = DatabaseManagementService.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "(unknown version)" : v;
    }

    private static void log(String msg) {
        System.out.println(java.time.LocalTime.now() + " " + MARK + msg);
        System.out.flush();
    }
}
