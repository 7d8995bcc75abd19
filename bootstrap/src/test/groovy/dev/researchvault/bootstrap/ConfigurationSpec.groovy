package dev.researchvault.bootstrap

import dev.researchvault.adapter.persistence.crypto.KdfConfiguration
import dev.researchvault.adapter.persistence.session.SessionConfiguration
import dev.researchvault.adapter.persistence.vault.VaultConfiguration
import dev.researchvault.adapter.persistence.vault.VaultLayout
import dev.researchvault.adapter.persistence.vault.files.SqlCipher
import dev.researchvault.application.account.ClosedRegistration
import dev.researchvault.application.account.LoginThrottle
import dev.researchvault.application.account.RegisterAccount
import dev.researchvault.application.account.RegisterAccountUseCase
import dev.researchvault.application.blob.StorageQuota
import dev.researchvault.application.blob.UploadLimits
import dev.researchvault.application.blob.FileSizeLimit
import dev.researchvault.application.transfer.VaultImportService
import dev.researchvault.adapter.http.events.EventStreams
import dev.researchvault.bootstrap.config.EventsConfiguration
import dev.researchvault.bootstrap.config.HealthConfiguration
import dev.researchvault.bootstrap.config.LoginConfiguration
import dev.researchvault.bootstrap.config.SettingsCacheConfiguration
import dev.researchvault.domain.LimitExceededException
import dev.researchvault.domain.TooManyAttemptsException
import dev.researchvault.domain.account.KdfAlgorithm
import dev.researchvault.domain.settings.SettingsCatalog
import dev.researchvault.domain.vault.VaultKeys
import io.micronaut.context.ApplicationContext
import io.micronaut.context.env.PropertySource
import io.micronaut.http.server.HttpServerConfiguration
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Every key docs/operations.md documents reaches the bean it claims to configure, the environment-variable
 * spellings work, and a bad value stops the start-up naming its key. Contexts start as the server does
 * ({@link Application#configure}: configuration beans are built at start-up).
 */
class ConfigurationSpec extends Specification {

    /** Each documented key, a value other than its default, and where the wiring puts it. */
    @Shared
    List<List<Object>> documented = [
            ['vault.data-dir', '/tmp/rv-configured', { it.getBean(VaultLayout).dataDir() }, Path.of('/tmp/rv-configured')],
            ['vault.kdf.algorithm', 'PBKDF2_HMAC_SHA512', { it.getBean(VaultKeys).freshParameters().algorithm() }, KdfAlgorithm.PBKDF2_HMAC_SHA512],
            ['vault.kdf.memory-kib', 2048, { it.getBean(VaultKeys).freshParameters().memoryKib() }, 2048],
            ['vault.kdf.iterations', 3, { it.getBean(VaultKeys).freshParameters().iterations() }, 3],
            ['vault.kdf.parallelism', 2, { it.getBean(VaultKeys).freshParameters().parallelism() }, 2],
            ['vault.kdf.max-concurrent-derivations', 7, { it.getBean(KdfConfiguration).maxConcurrentDerivations }, 7],
            ['vault.connections-per-file', 2, { it.getBean(VaultConfiguration).connectionsPerFile }, 2],
            ['vault.busy-timeout', '3s', { it.getBean(SqlCipher.ConnectionSettings).busyTimeoutMillis() }, 3000L],
            ['vault.max-open-vaults', 7, { it.getBean(VaultConfiguration).maxOpenVaults }, 7],
            ['vault.close-idle-vaults-after', '2m', { it.getBean(VaultConfiguration).closeIdleVaultsAfter }, Duration.ofMinutes(2)],
            ['vault.close-idle-connections-after', '30s', { it.getBean(VaultConfiguration).closeIdleConnectionsAfter }, Duration.ofSeconds(30)],
            ['vault.max-idle-connections', 5, { it.getBean(VaultConfiguration).maxIdleConnections }, 5],
            ['vault.lock-timeout', '4s', { it.getBean(VaultConfiguration).lockTimeout }, Duration.ofSeconds(4)],
            ['vault.page-cache-kib', 512, { it.getBean(SqlCipher.ConnectionSettings).pageCacheKiB() }, 512],
            ['vault.blob-page-cache-kib', 64, { it.getBean(SqlCipher.ConnectionSettings).blobPageCacheKiB() }, 64],
            ['vault.statements-per-connection', 8, { it.getBean(VaultConfiguration).statementsPerConnection }, 8],
            ['vault.native-heap-trim-interval', '1m', { it.getBean(VaultConfiguration).nativeHeapTrimInterval }, Duration.ofMinutes(1)],
            ['vault.slow-query-threshold', '250ms', { it.getBean(VaultConfiguration).slowQueryThreshold }, Duration.ofMillis(250)],
            ['settings.defaults-resource', 'settings-defaults-next-release.json', { it.getBean(SettingsCatalog).all()*.key().sort() }, ['backup.max_count', 'llm.model']],
            ['settings.cache.max-users', 10, { it.getBean(SettingsCacheConfiguration).maxUsers }, 10L],
            ['settings.cache.expire-after-access', '1m', { it.getBean(SettingsCacheConfiguration).expireAfterAccess }, Duration.ofMinutes(1)],
            ['sessions.idle-timeout', '5m', { it.getBean(SessionConfiguration).idleTimeout }, Duration.ofMinutes(5)],
            ['sessions.absolute-timeout', '1h', { it.getBean(SessionConfiguration).absoluteTimeout }, Duration.ofHours(1)],
            ['login.max-failures', 2, { it.getBean(LoginConfiguration).limits().maxPerAddress() }, 2],
            ['login.lockout', '1m', { it.getBean(LoginConfiguration).limits().window() }, Duration.ofMinutes(1)],
            ['login.max-failures-per-account', 3, { it.getBean(LoginConfiguration).limits().maxPerAccount() }, 3],
            ['login.slowdown', '2s', { it.getBean(LoginConfiguration).limits().slowdown() }, Duration.ofSeconds(2)],
            ['login.max-wait', '1s', { it.getBean(LoginConfiguration).limits().maxWait() }, Duration.ofSeconds(1)],
            ['files.max-file-size', '1KB', { it.getBean(FileSizeLimit).maxBytes() }, 1024L],
            ['files.max-files-per-message', 3, { it.getBean(UploadLimits).maxFilesPerMessage() }, 3],
            ['files.storage-quota', '2MB', { it.getBean(UploadLimits).quota().maxBytes() }, 2L * 1024 * 1024],
            ['vault.registration', 'closed', { it.getBean(RegisterAccountUseCase) instanceof ClosedRegistration }, true],
            ['files.upload-expiry', '5m', { it.getBean(dev.researchvault.bootstrap.config.FilesConfiguration).uploadExpiry }, Duration.ofMinutes(5)],
            ['transfer.max-import-size', '3MB', { it.getBean(VaultImportService).limits().maxImportBytes() }, 3L * 1024 * 1024],
            ['transfer.max-import-expanded-size', '5MB', { it.getBean(VaultImportService).limits().maxExpandedBytes() }, 5L * 1024 * 1024],
            ['events.heartbeat', '2s', { it.getBean(EventStreams).heartbeat() }, Duration.ofSeconds(2)],
            ['events.window', 7, { it.getBean(EventsConfiguration).window }, 7],
            ['events.max-age', '1m', { it.getBean(EventsConfiguration).maxAge }, Duration.ofMinutes(1)],
            ['events.stream-buffer', 9, { it.getBean(EventStreams).buffer() }, 9],
            ['health.reuse-for', '2s', { it.getBean(HealthConfiguration).reuseFor }, Duration.ofSeconds(2)],
    ]

    @TempDir
    Path dataDir

    ApplicationContext context

    def cleanup() {
        context?.close()
    }

    ApplicationContext start(Map<String, Object> properties, PropertySource... sources) {
        def builder = Application.configure(ApplicationContext.builder())
                .properties(['vault.data-dir': dataDir.toString(), 'vault.kdf.memory-kib': 1024,
                             'vault.kdf.iterations': 1] + properties)
        context = builder.propertySources(sources).start()
    }

    def "#key = #value reaches the bean it configures"() {
        when:
        start([(key): value])

        then:
        read(context) == expected

        where:
        [key, value, read, expected] << documented.findAll { it[0] != 'vault.data-dir' }
    }

    def "vault.data-dir is where the server keeps its files"() {
        given:
        Path elsewhere = Files.createDirectory(dataDir.resolve('elsewhere'))

        when:
        start(['vault.data-dir': elsewhere.toString()])

        then:
        context.getBean(VaultLayout).dataDir() == elsewhere
        Files.exists(elsewhere.resolve('registry.db'))
    }

    def "every key of docs/operations.md's configuration table is checked here"() {
        expect:
        documentedKeys() - documented*.get(0) == [] as Set
    }

    def "VAULT_MAX_FILE_SIZE=#value allows files of #bytes bytes, and the request size limit follows it"() {
        when:
        start([:], PropertySource.of('env', ['VAULT_MAX_FILE_SIZE': value], PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))

        then:
        context.getBean(FileSizeLimit).maxBytes() == bytes
        context.getBean(io.micronaut.http.server.HttpServerConfiguration).maxRequestSize >= bytes

        where:
        value   | bytes
        '300MB' | 300L * 1024 * 1024
        '2GB'   | 2L * 1024 * 1024 * 1024
        '3GB'   | 3L * 1024 * 1024 * 1024
    }

    def "the request size limit follows the import limit (an export with a gigabyte of files imports as shipped)"() {
        when:
        start([:])

        then:
        context.getBean(io.micronaut.http.server.HttpServerConfiguration).maxRequestSize == 2L * 1024 * 1024 * 1024 + 1024 * 1024
    }

    def "the request size limit stays as configured when the file and import limits fit under it"() {
        when:
        start(['transfer.max-import-size': '10MB'])

        then:
        context.getBean(io.micronaut.http.server.HttpServerConfiguration).maxRequestSize == 40L * 1024 * 1024
    }

    def "login.max-failures failed logins from one address refuse the next attempt"() {
        given:
        start(['login.max-failures': 2])
        def throttle = context.getBean(LoginThrottle)
        2.times { throttle.begin('ada', '10.0.0.1').withCloseable { it.failed() } }

        when:
        throttle.begin('ada', '10.0.0.1')

        then:
        thrown(TooManyAttemptsException)
    }

    def "files.max-file-size #value is #bytes bytes, and a larger file is refused"() {
        given:
        start(['files.max-file-size': value])
        def limit = context.getBean(FileSizeLimit)

        when:
        limit.check(bytes)

        then:
        notThrown(LimitExceededException)

        when:
        limit.check(bytes + 1)

        then:
        thrown(LimitExceededException)

        where:
        value   | bytes
        '25MB'  | 25L * 1024 * 1024
        '512kb' | 512L * 1024
        '1GB'   | 1024L * 1024 * 1024
        '1024'  | 1024L
        1024    | 1024L
        '1024B' | 1024L
        ' 2 MB' | 2L * 1024 * 1024
    }

    def "without configuration the documented defaults apply"() {
        when:
        start([:])

        then:
        context.getBean(FileSizeLimit).maxBytes() == 25L * 1024 * 1024
        context.getBean(LoginConfiguration).limits() == new LoginThrottle.Limits(5, 20, Duration.ofMinutes(15),
                Duration.ofSeconds(5), Duration.ofSeconds(10))
        context.getBean(VaultConfiguration).slowQueryThreshold == Duration.ofMillis(100)
        context.getBean(VaultConfiguration).maxIdleConnections == 64
        context.getBean(SettingsCacheConfiguration).with { [maxUsers, expireAfterAccess] } == [1024L, Duration.ofMinutes(10)]
        context.getBean(SessionConfiguration).with { [idleTimeout, absoluteTimeout] } == [Duration.ofMinutes(30), Duration.ofHours(12)]
        context.getBean(HealthConfiguration).reuseFor == Duration.ofSeconds(5)
        context.getProperty('micronaut.server.host', String).get() == '127.0.0.1'
        corsOrigins(context).every { it.isBlank() }
    }

    /** The origins Micronaut's CORS filter allows (application.yml's configuration named vault). */
    private static List<String> corsOrigins(ApplicationContext context) {
        context.getBean(HttpServerConfiguration.CorsConfiguration).configurations['vault'].allowedOrigins
    }

    def "environment variables name the keys the Micronaut way: #variable"() {
        given:
        def environment = PropertySource.of('env', [(variable): value], PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE)

        when:
        start([:], environment)

        then:
        read(context) == expected

        where:
        variable             | value                         | read                                                          | expected
        'VAULT_DATA_DIR'     | '/tmp/rv-from-env'            | { it.getBean(VaultLayout).dataDir() }                         | Path.of('/tmp/rv-from-env')
        'PORT'               | '4321'                        | { it.getProperty('micronaut.server.port', Integer).get() }    | 4321
        'VAULT_HOST'         | '0.0.0.0'                     | { it.getProperty('micronaut.server.host', String).get() }     | '0.0.0.0'
        'VAULT_CORS_ORIGINS' | 'https://a.example,https://b.example' | { corsOrigins(it) }                                  | ['https://a.example', 'https://b.example']
        'LOGIN_MAX_FAILURES' | '9'                           | { it.getBean(LoginConfiguration).limits().maxPerAddress() }    | 9
        'FILES_MAX_FILE_SIZE'| '2MB'                         | { it.getBean(FileSizeLimit).maxBytes() }                      | 2L * 1024 * 1024
        'VAULT_REGISTRATION' | 'closed'                      | { it.getBean(RegisterAccountUseCase) instanceof ClosedRegistration } | true
        'VAULT_MAX_IDLE_CONNECTIONS' | '16'                  | { it.getBean(VaultConfiguration).maxIdleConnections }          | 16
    }

    def "#key = #value stops the start-up with a message naming the key"() {
        when:
        start([(key): value])

        then:
        def failure = thrown(Exception)
        messages(failure).contains(key)

        where:
        key                                  | value
        'login.max-failures'                 | 0
        'login.max-failures-per-account'     | -1
        'login.lockout'                      | 'soon'
        'login.max-wait'                     | '-1s'
        'files.max-file-size'                | 'large'
        'files.max-file-size'                | '-1MB'
        'transfer.max-import-size'           | '0'
        'transfer.max-import-expanded-size'  | 'huge'
        'settings.cache.max-users'           | -1
        'settings.cache.expire-after-access' | '-10m'
        'settings.defaults-resource'         | ' '
        'vault.slow-query-threshold'         | '-1ms'
        'vault.busy-timeout'                 | 'forever'
        'vault.max-idle-connections'         | -1
        'health.reuse-for'                   | '-1s'
        'vault.kdf.algorithm'                | 'MD5'
        'sessions.idle-timeout'              | 'never'
        'vault.registration'                 | 'maybe'
        'files.max-files-per-message'        | -1
        'files.storage-quota'                | 'lots'
    }

    def "by default registration is open, 20 files go in a message and there is no storage quota"() {
        when:
        start([:])

        then:
        context.getBean(RegisterAccountUseCase) instanceof RegisterAccount
        context.getBean(UploadLimits).maxFilesPerMessage() == 20
        context.getBean(UploadLimits).quota().maxBytes() == StorageQuota.UNLIMITED
    }

    /** The keys of the configuration table: `a.b.c` / `d` stands for a.b.c and a.b.d; env variables are checked above. */
    private static Set<String> documentedKeys() {
        def operations = Files.readString(Path.of('..', 'docs', 'operations.md'))
        def table = operations.substring(operations.indexOf('## Configuration'), operations.indexOf('\n## ', operations.indexOf('## Configuration') + 1))
        Set<String> keys = []
        table.readLines().findAll { it.startsWith('| `') }.each { row ->
            String parent = null
            (row.split('\\|')[1] =~ /`([^`]+)`/).collect { it[1] }.each { String name ->
                if (name.contains('.')) {
                    keys << name
                    parent = name.substring(0, name.lastIndexOf('.'))
                } else if (name != name.toUpperCase()) {
                    keys << "${parent}.${name}".toString()
                }
            }
        }
        keys.findAll { !it.startsWith('micronaut.') } as Set
    }

    private static String messages(Throwable failure) {
        def all = []
        for (Throwable cause = failure; cause != null; cause = cause.cause) {
            all << cause.message
        }
        all.join('\n')
    }
}
