package dev.researchvault.reliability.support

import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/**
 * Base of the reliability specs: a temp parent directory holding the data directory, servers started as
 * child processes on it, an API client that follows the current server, and the users the spec made.
 * When the spec ends, every server log is searched for the users' passwords and tokens and for
 * "database is locked": each spec's DEBUG log is part of the suite's secrets check.
 */
abstract class ReliabilitySpec extends Specification {

    /** -Dreliability.long=true: the long versions, with the figures docs/reliability.md quotes. */
    static final boolean LONG = Boolean.getBoolean('reliability.long')

    @Shared Path parentDir = Files.createTempDirectory('rv-reliability-')
    @Shared Path dataDir = parentDir.resolve('data')
    @Shared List<ServerProcess> servers = []
    @Shared ServerProcess server
    @Shared Api api = new Api({ server.baseUrl })
    @Shared VaultFiles files = new VaultFiles(dataDir)
    @Shared List<User> users = Collections.synchronizedList([])
    /** Further secrets a spec handled (derived keys…): none may appear in a log. */
    @Shared Set<String> extraSecrets = Collections.synchronizedSet(new HashSet<String>())

    /** Starts a new server process on the data directory (the previous one must be stopped or killed). */
    ServerProcess startServer(Map<String, Object> properties = [:]) {
        server = new ServerProcess(dataDir, "${getClass().simpleName}-${servers.size() + 1}", properties).start()
        servers << server
        server
    }

    /** Registers and logs in a fresh user. */
    User newUser(String prefix = 'user') {
        User user = new User(prefix)
        assert api.register(user.name, user.password).status == 201
        users << user
        login(user)
        user
    }

    String login(User user) {
        user.token = api.login(user.name, user.password)
        tokensSeen << user.token
        user.token
    }

    @Shared Set<String> tokensSeen = Collections.synchronizedSet(new HashSet<String>())

    /** Prints a measured figure and appends it to target/reliability-figures.txt (quoted in docs/reliability.md). */
    static void figure(String line) {
        println line
        Path file = ServerProcess.LOG_DIR.resolveSibling('reliability-figures.txt')
        Files.write(file, ("${java.time.Instant.now()} ${line}\n").getBytes('UTF-8'),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)
    }

    def cleanupSpec() {
        servers*.stop()
        try {
            assertLogsClean()
        } finally {
            // -Dreliability.keep-data=true keeps the files of a run to look into (a failure's vaults, say).
            if (!Boolean.getBoolean('reliability.keep-data')) {
                parentDir.toFile().deleteDir()
            }
        }
    }

    private void assertLogsClean() {
        Set<String> secrets = new HashSet<>(extraSecrets)
        secrets.addAll(files.derivedKeys)
        secrets.addAll(tokensSeen)
        users.each { secrets << it.password; if (it.token) { secrets << it.token } }
        servers.each { ServerProcess each ->
            String log = each.log
            assert log.contains('DEBUG'): "${each.logFile} is not a DEBUG log"
            assert !log.contains('database is locked'): "${each.logFile} reports a locked database"
            def leaked = secrets.findAll { it && log.contains(it) }
            assert leaked.isEmpty(): "${each.logFile} contains ${leaked.size()} secret(s)"
        }
    }
}
