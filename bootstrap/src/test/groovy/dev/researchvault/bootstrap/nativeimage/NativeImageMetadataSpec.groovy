package dev.researchvault.bootstrap.nativeimage

import com.tngtech.archunit.core.domain.JavaClasses
import dev.researchvault.adapter.http.openapi.OpenApiController
import dev.researchvault.adapter.persistence.settings.SettingsDefaultsFile
import dev.researchvault.adapter.persistence.vault.ListedMigrations
import dev.researchvault.adapter.persistence.session.CaffeineSessionStore
import dev.researchvault.adapter.persistence.settings.CachingSettingsStore
import dev.researchvault.adapter.persistence.vault.OpenVaults
import groovy.json.JsonSlurper
import io.micronaut.context.ApplicationContext
import java.nio.file.Files
import java.nio.file.Path
import java.util.regex.Pattern
import spock.lang.Shared
import spock.lang.Specification

/**
 * What a native image needs listed is listed: no GraalVM is reachable from our machines, so this spec is the check
 * that runs on every build (docs/operations.md, "Native image", says what it does not prove). Our metadata is
 * bootstrap/src/main/resources/META-INF/native-image/dev.researchvault/bootstrap/.
 */
class NativeImageMetadataSpec extends Specification {

    static final String METADATA = 'META-INF/native-image/dev.researchvault/bootstrap/'

    /**
     * Reflective calls main code may make, each with the class our reflect-config.json registers for it. Add a
     * call here only together with its metadata entry, and say why compile-time code could not do.
     */
    static final Map<String, String> ALLOWED_REFLECTION = [:]

    /** Resources main code reads, each with the name it reads; resource-config.json must include each. */
    static final Map<String, String> RESOURCE_READS = [
            'dev.researchvault.adapter.http.openapi.OpenApiController -> io.micronaut.core.io.ResourceResolver.getResourceAsStream':
                    OpenApiController.LOCATION - 'classpath:',
            'dev.researchvault.adapter.persistence.settings.SettingsDefaultsFile -> java.lang.ClassLoader.getResourceAsStream':
                    SettingsDefaultsFile.SHIPPED,
    ]

    @Shared
    JavaClasses production = ReflectionScan.production()

    @Shared
    List<Pattern> resourcePatterns = json('resource-config.json').resources.includes.collect { Pattern.compile(it.pattern) }

    @Shared
    Set<String> reflectiveTypes = json('reflect-config.json')*.name as Set

    def "the scan sees the production classes of every module"() {
        expect:
        ['domain', 'application', 'adapter.persistence', 'adapter.http', 'bootstrap'].every { module ->
            production.any { it.packageName.startsWith("dev.researchvault.${module}") }
        }
    }

    def "main code makes no reflective call that the metadata does not cover"() {
        when:
        Set<String> uses = ReflectionScan.reflectiveUses(production)

        then: 'a new reflective call fails here: use compile-time code (Micronaut introspection), or register it'
        uses == ALLOWED_REFLECTION.keySet()

        and:
        ALLOWED_REFLECTION.values().every { reflectiveTypes.contains(it) }
    }

    def "every resource main code reads is in the resource metadata"() {
        expect:
        ReflectionScan.resourceReads(production) == RESOURCE_READS.keySet()
        RESOURCE_READS.values().every { included(it) }
        included('application.yml') && included('logback.xml')
    }

    /** The API reference's page, served from the jar as a static resource (application.yml, /docs). */
    static final String DOCS_PAGE = 'META-INF/swagger/views/swagger-ui/index.html'

    def "the API reference's files are in the resource metadata"() {
        expect:
        ['index.html', 'res/swagger-ui-bundle.js', 'res/swagger-ui.css'].every {
            String name = 'META-INF/swagger/views/swagger-ui/' + it
            resource(name) != null && included(name)
        }
    }

    def "every Flyway migration is in the resource metadata: #directory"() {
        expect:
        ListedMigrations.scripts(directory).every { included("${directory}/${it}") }

        where:
        directory << ['db/vault', 'db/blobs', 'db/registry']
    }

    def "every resource the metadata includes exists"() {
        expect:
        resourcePatterns.every { pattern ->
            ['application.yml', 'logback.xml', SettingsDefaultsFile.SHIPPED, OpenApiController.LOCATION - 'classpath:', DOCS_PAGE]
                    .plus(['db/vault', 'db/blobs', 'db/registry'].collectMany { dir -> ListedMigrations.scripts(dir).collect { "${dir}/${it}" } })
                    .any { pattern.matcher(it).matches() && resource(it) != null }
        }
    }

    def "every class the reflection metadata registers exists"() {
        expect:
        reflectiveTypes.every { Class.forName(it, false, getClass().classLoader) }
    }

    def "every Caffeine class our caches look up by name is registered"() {
        given: 'the caches of the server, as the wiring builds them'
        Path dataDir = Files.createTempDirectory('rv-native-')
        ApplicationContext context = ApplicationContext.run(['vault.data-dir': dataDir.toString(),
                                                             'vault.kdf.memory-kib': 1024, 'vault.kdf.iterations': 1])
        def caches = [context.getBean(OpenVaults).@cache, context.getBean(CachingSettingsStore).@cache,
                      context.getBean(CaffeineSessionStore).@sessions]

        when: 'Caffeine picks a generated cache class and node class per configuration, by name'
        Set<String> generated = caches.collectMany { cache -> [cache.@cache.getClass().name, cache.@cache.@nodeFactory.getClass().name] }

        then:
        reflectiveTypes.containsAll(generated)

        cleanup:
        context?.close()
        dataDir?.toFile()?.deleteDir()
    }

    def "the SQLite driver ships the JNI, reflection and native-library metadata we rely on"() {
        given:
        String driverMetadata = 'META-INF/native-image/io.github.willena/sqlite-jdbc/'

        expect:
        json(driverMetadata + 'jni-config.json', '')*.name.containsAll(['org.sqlite.core.NativeDB', 'org.sqlite.core.DB'])
        json(driverMetadata + 'reflect-config.json', '')*.name.contains('org.sqlite.core.NativeDB')
        json(driverMetadata + 'resource-config.json', '').resources.includes*.pattern.contains('org/sqlite/native/.*')
        resource('org/sqlite/native/Linux/x86_64/libsqlitejdbc.so') != null
        resource('META-INF/services/java.sql.Driver').text.trim() == 'org.sqlite.JDBC'
    }

    private boolean included(String name) {
        resourcePatterns.any { it.matcher(name).matches() }
    }

    private static URL resource(String name) {
        NativeImageMetadataSpec.classLoader.getResource(name)
    }

    private static Object json(String name, String directory = METADATA) {
        URL url = resource(directory + name)
        assert url != null: "${directory}${name} is on the classpath"
        new JsonSlurper().parse(url)
    }
}
