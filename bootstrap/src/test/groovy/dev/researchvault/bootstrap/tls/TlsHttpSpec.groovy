package dev.researchvault.bootstrap.tls

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import javax.net.ssl.SSLContext
import javax.net.ssl.SSLHandshakeException
import javax.net.ssl.TrustManagerFactory
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.security.KeyStore
import java.util.concurrent.TimeUnit

/**
 * TLS in the server itself, set up as docs/operations.md ("Exposing the server") says: a PKCS#12 key store named by
 * the {@code micronaut.server.ssl.*} keys. The key store is made here by the JDK's keytool (a self-signed
 * certificate for 127.0.0.1, where the server listens by default); the client trusts that certificate alone.
 */
class TlsHttpSpec extends Specification {

    private static final String STORE_PASSWORD = 'changeit-tls-spec'

    @Shared
    Path dir = Files.createTempDirectory('rv-tls-')

    @Shared
    Path keyStore = selfSignedKeyStore(dir.resolve('keystore.p12'))

    @Shared
    @AutoCleanup
    EmbeddedServer server = ApplicationContext.run(EmbeddedServer, [
            'micronaut.server.port'                  : -1,
            'micronaut.server.ssl.enabled'           : true,
            'micronaut.server.ssl.port'              : -1,
            'micronaut.server.ssl.key-store.path'    : "file:${keyStore}".toString(),
            'micronaut.server.ssl.key-store.type'    : 'PKCS12',
            'micronaut.server.ssl.key-store.password': STORE_PASSWORD,
            'vault.data-dir'                         : dir.resolve('data').toString(),
            'vault.kdf.memory-kib'                   : 1024,
            'vault.kdf.iterations'                   : 1,
            'vault.kdf.parallelism'                  : 1,
    ])

    @Shared
    HttpClient trusting = HttpClient.newBuilder().sslContext(trustingOnly(keyStore)).build()

    def cleanupSpec() {
        dir.toFile().deleteDir()
    }

    def "the server answers HTTPS with the configured certificate"() {
        expect:
        server.URL.protocol == 'https'

        when:
        def reply = send('GET', '/health/live', null, null)

        then:
        reply.statusCode() == 200
        json(reply) == [status: 'UP']
    }

    def "an authenticated call works over HTTPS"() {
        given:
        String name = "tls-${UUID.randomUUID().toString().substring(0, 8)}"
        String password = 'correct horse battery'
        assert send('POST', '/api/v1/auth/register', [username: name, password: password], null).statusCode() == 201
        String token = json(send('POST', '/api/v1/auth/login', [username: name, password: password], null)).token

        when:
        def reply = send('GET', '/api/v1/account', null, token)

        then:
        reply.statusCode() == 200
        json(reply).username == name
    }

    def "a client that does not trust the certificate is refused in the handshake"() {
        when:
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("${server.URL}/health/live")).build(),
                HttpResponse.BodyHandlers.ofString())

        then:
        thrown(SSLHandshakeException)
    }

    private HttpResponse<String> send(String method, String path, Object body, String token) {
        def builder = HttpRequest.newBuilder(URI.create("${server.URL}${path}"))
        if (token != null) {
            builder.header('Authorization', "Bearer ${token}")
        }
        if (body != null) {
            builder.header('Content-Type', 'application/json')
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JsonOutput.toJson(body)))
        trusting.send(builder.build(), HttpResponse.BodyHandlers.ofString())
    }

    private static Object json(HttpResponse<String> reply) {
        new JsonSlurper().parseText(reply.body())
    }

    /** A PKCS#12 key store with a fresh self-signed certificate for 127.0.0.1 and localhost, made by keytool. */
    private static Path selfSignedKeyStore(Path store) {
        String keytool = Path.of(System.getProperty('java.home'), 'bin', 'keytool').toString()
        Process process = new ProcessBuilder(keytool, '-genkeypair', '-alias', 'vault', '-keyalg', 'EC',
                '-groupname', 'secp256r1', '-dname', 'CN=localhost', '-ext', 'SAN=ip:127.0.0.1,dns:localhost',
                '-validity', '2', '-storetype', 'PKCS12', '-keystore', store.toString(),
                '-storepass', STORE_PASSWORD, '-keypass', STORE_PASSWORD)
                .redirectErrorStream(true).start()
        assert process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0: process.inputStream.text
        store
    }

    /** A TLS context that trusts the certificate in {@code store} and nothing else. */
    private static SSLContext trustingOnly(Path store) {
        KeyStore keys = KeyStore.getInstance('PKCS12')
        Files.newInputStream(store).withCloseable { keys.load(it, STORE_PASSWORD.toCharArray()) }
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType())
        trusted.load(null, null)
        trusted.setCertificateEntry('vault', keys.getCertificate('vault'))
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm())
        factory.init(trusted)
        SSLContext context = SSLContext.getInstance('TLS')
        context.init(null, factory.trustManagers, null)
        context
    }
}
