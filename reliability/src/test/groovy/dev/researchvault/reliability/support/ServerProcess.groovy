package dev.researchvault.reliability.support

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.TimeUnit

/**
 * The packaged server (bootstrap/target/research-vault.jar) as a child process on a data directory of
 * the spec's choosing, with cheap KDF parameters unless the spec asks otherwise, logging at DEBUG into a
 * file that survives the run (target/server-logs) so the log can be searched for secrets afterwards.
 */
class ServerProcess {

    static final Path JAR = Path.of(System.getProperty('reliability.server.jar', '../bootstrap/target/research-vault.jar'))
    static final Path LOG_DIR = Path.of(System.getProperty('reliability.log-dir', 'target/server-logs'))

    final Path dataDir
    final Path logFile
    final Map<String, Object> properties
    private Process process
    private int port

    ServerProcess(Path dataDir, String logName, Map<String, Object> extraProperties = [:]) {
        this.dataDir = dataDir
        Files.createDirectories(LOG_DIR)
        this.logFile = LOG_DIR.resolve("${logName}.log")
        Files.deleteIfExists(logFile)
        this.properties = ['vault.kdf.memory-kib': 1024, 'vault.kdf.iterations': 1, 'vault.kdf.parallelism': 1] + extraProperties
    }

    /** Starts the server on a free port and waits until /health answers. */
    ServerProcess start() {
        assert Files.isRegularFile(JAR): "the packaged server ${JAR} is missing: run `./mvnw -B verify` (it packages first)"
        port = freePort()
        List<String> command = [javaExecutable(), '-Xmx512m', "-Dmicronaut.server.port=${port}".toString(),
                                "-Dvault.data-dir=${dataDir}".toString()]
        command += properties.collect { key, value -> "-D${key}=${value}".toString() }
        command += ['-jar', JAR.toString()]
        // The working directory is inside the spec's temp parent: a relative path the server might
        // wrongly write to shows up in the spec's before/after listing of that parent.
        Path workingDir = Files.createDirectories(dataDir.resolveSibling('cwd'))
        def builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        builder.environment().put('LOG_LEVEL', 'DEBUG')
        process = builder.start()
        awaitHealthy()
        this
    }

    /** SIGKILL on Linux: no shutdown hook, no flush, no checkpoint. */
    void kill() {
        process?.destroyForcibly()
        process?.waitFor(30, TimeUnit.SECONDS)
    }

    /** SIGTERM, then SIGKILL when the server does not stop within 30 s. */
    void stop() {
        if (process == null || !process.alive) {
            return
        }
        process.destroy()
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill()
        }
    }

    boolean isAlive() { process?.alive }

    String getBaseUrl() { "http://127.0.0.1:${port}" }

    String getLog() { Files.exists(logFile) ? new String(Files.readAllBytes(logFile), 'UTF-8') : '' }

    private void awaitHealthy() {
        def client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
        def request = HttpRequest.newBuilder(URI.create("${baseUrl}/health")).timeout(Duration.ofSeconds(5)).build()
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90)
        while (System.nanoTime() < deadline) {
            assert process.alive: "the server exited with ${process.exitValue()}; see ${logFile}"
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200)
        }
        throw new IllegalStateException("the server did not become healthy in 90 s; see ${logFile}")
    }

    private static String javaExecutable() {
        ProcessHandle.current().info().command().orElse('java')
    }

    private static int freePort() {
        new ServerSocket(0).withCloseable { it.localPort }
    }
}
