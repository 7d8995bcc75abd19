package dev.researchvault.bootstrap

import com.tngtech.archunit.base.DescribedPredicate
import com.tngtech.archunit.core.domain.JavaClass
import com.tngtech.archunit.core.domain.JavaClasses
import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import com.tngtech.archunit.core.importer.Location
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.vault.VaultBound
import io.micronaut.http.annotation.Controller
import io.micronaut.serde.annotation.Serdeable
import spock.lang.Shared
import spock.lang.Specification

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.ENUMS
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.RECORDS
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses

/** The dependency rule of the hexagon, checked on the compiled production classes. */
class ArchitectureSpec extends Specification {

    /**
     * Our production classes, whether the reactor hands them over as class directories (test phase) or as
     * jars (verify phase); test classes and the application's test-jar are left out.
     */
    @Shared
    JavaClasses production = new ClassFileImporter()
            .withImportOption({ Location location ->
                !location.contains('/test-classes/') && !location.contains('-tests.jar')
            } as ImportOption)
            .importPackages('dev.researchvault')

    def "the classes under test were found"() {
        expect:
        production.size() > 50
    }

    def "the domain depends on nothing but the JDK"() {
        expect:
        classes().that().resideInAPackage('dev.researchvault.domain..')
                .should().onlyDependOnClassesThat().resideInAnyPackage('dev.researchvault.domain..', 'java..')
                .check(production)
    }

    def "the application depends only on the domain, the JDK and the logging facade"() {
        expect:
        classes().that().resideInAPackage('dev.researchvault.application..')
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage('dev.researchvault.domain..', 'dev.researchvault.application..', 'java..', 'org.slf4j')
                .check(production)
    }

    def "no framework in the core: no io.micronaut and no jakarta in domain or application"() {
        expect:
        noClasses().that().resideInAnyPackage('dev.researchvault.domain..', 'dev.researchvault.application..')
                .should().dependOnClassesThat().resideInAnyPackage('io.micronaut..', 'jakarta..', 'javax..')
                .check(production)
    }

    def "adapters never depend on each other"() {
        expect:
        noClasses().that().resideInAPackage('dev.researchvault.adapter.persistence..')
                .should().dependOnClassesThat().resideInAPackage('dev.researchvault.adapter.http..')
                .check(production)
        noClasses().that().resideInAPackage('dev.researchvault.adapter.http..')
                .should().dependOnClassesThat().resideInAPackage('dev.researchvault.adapter.persistence..')
                .check(production)
    }

    def "nothing above the persistence adapter knows the storage technology: no JDBC, no SQLite"() {
        expect: 'storage failures reach the web adapter as domain errors, translated by the persistence adapter'
        noClasses().that().resideInAnyPackage('dev.researchvault.adapter.http..', 'dev.researchvault.application..',
                'dev.researchvault.domain..')
                .should().dependOnClassesThat().resideInAnyPackage('java.sql..', 'javax.sql..', 'org.sqlite..')
                .check(production)
    }

    /**
     * Records of the application that are values (commands, results, sessions), not services: a service whose
     * whole state is its collaborators is a record too, and it is told by holding a port or use case (an interface
     * of ours that is not sealed: a sealed one, such as a setting value, is a value); a controller must reach it
     * through its use-case interface.
     */
    static final DescribedPredicate<JavaClass> VALUE_RECORDS = DescribedPredicate.describe('value records',
            { JavaClass type ->
                RECORDS.test(type) && !type.fields.any { field ->
                    field.rawType.isInterface() && field.rawType.packageName.startsWith('dev.researchvault') &&
                            !field.rawType.reflect().isSealed()
                }
            })

    def "controllers are package-private and reach the application only through its interfaces and values"() {
        expect: 'use cases are interfaces; a concrete service behind a controller is a violation'
        classes().that().areAnnotatedWith(Controller)
                .should().notBePublic()
                .andShould().onlyDependOnClassesThat(DescribedPredicate.or(
                        [resideOutsideOfPackage('dev.researchvault.application..'), INTERFACES, VALUE_RECORDS, ENUMS]))
                .check(production)
    }

    def "the HTTP adapter drives the application and implements none of its ports"() {
        expect: 'outgoing adapters, such as the session store that holds the keys, live in the persistence adapter'
        noClasses().that().resideInAPackage('dev.researchvault.adapter.http..')
                .should().implement(resideInAnyPackage('dev.researchvault.application..', 'dev.researchvault.domain..'))
                .check(production)
    }

    def "nothing but bootstrap depends on bootstrap"() {
        expect:
        noClasses().that().resideOutsideOfPackage('dev.researchvault.bootstrap..')
                .should().dependOnClassesThat().resideInAPackage('dev.researchvault.bootstrap..')
                .check(production)
    }

    def "database rows live in the persistence adapter and nothing outside it touches them"() {
        expect:
        classes().that().haveSimpleNameEndingWith('Row')
                .should().resideInAPackage('dev.researchvault.adapter.persistence..')
                .check(production)
        noClasses().that().resideOutsideOfPackage('dev.researchvault.adapter.persistence..')
                .should().dependOnClassesThat().haveSimpleNameEndingWith('Row')
                .check(production)
    }

    def "HTTP #suffix records live in the HTTP adapter"() {
        expect: 'together with "adapters never depend on each other" and the framework-free core, they cannot leak'
        classes().that().areAnnotatedWith(Serdeable).and().haveSimpleNameEndingWith(suffix)
                .should().resideInAPackage('dev.researchvault.adapter.http..')
                .check(production)

        where:
        suffix << ['Request', 'Response']
    }

    def "vault-bound ports take no user: the bound vault is the user"() {
        given:
        def ports = production.findAll { it.isAnnotatedWith(VaultBound) }

        expect: 'every port that reads or writes a vault carries the mark'
        ports*.simpleName.toSet() == ['ResearchRepository', 'ChatRepository', 'BlobStore', 'BlobOwners', 'SettingsStore',
                                      'ApiKeyStore', 'VaultMetadata', 'LegacyMessageFiles', 'AgentRepository',
                                      'ExecutionRepository', 'UsageLedger', 'WritingRepository',
                                      'DocumentRepository', 'DocumentGroupRepository', 'SearchIndex', 'StoredBytes',
                                      'BlobUploads', 'VaultRecords'].toSet()

        and: 'none of their methods names a user'
        ports.collectMany { port ->
            port.methods.findAll { it.rawParameterTypes*.name.contains(UserId.name) }.collect { "${port.simpleName}.${it.name}" }
        } == []
    }

    def "use cases reach their vault through VaultWork alone"() {
        expect: "VaultScope is the engine's port; a use case binding by hand is how the two conventions began"
        noClasses().that().resideInAPackage('dev.researchvault.application..')
                .and().doNotHaveSimpleName('VaultWork')
                .should().dependOnClassesThat().haveSimpleName('VaultScope')
                .check(production)
    }

    static final String ENGINE = 'dev.researchvault.adapter.persistence.vault'
    /** The package of PersistenceFactory (and Micronaut's bean definitions generated from it): the wiring. */
    static final String WIRING = 'dev.researchvault.adapter.persistence'
    static final String POOL = /.*\.vault\.jdbc\.ConnectionPool(\$.*)?/

    def "the vault engine's JDBC plumbing is used by the engine alone; the registry borrows only its pool"() {
        expect:
        onlyUsedFrom(classes().that().resideInAPackage(ENGINE + '.jdbc..').and().haveNameNotMatching(POOL),
                ENGINE + '..', WIRING)
        onlyUsedFrom(classes().that().haveNameMatching(POOL),
                ENGINE + '..', WIRING, 'dev.researchvault.adapter.persistence.account')
    }

    def "the vault engine's encrypted-file pieces are used by the engine and by backups alone"() {
        expect:
        onlyUsedFrom(classes().that().resideInAPackage(ENGINE + '.files..'),
                ENGINE + '..', WIRING, 'dev.researchvault.adapter.persistence.backup')
    }

    def "the JDBC plumbing knows nothing of vaults"() {
        expect:
        noClasses().that().resideInAPackage(ENGINE + '.jdbc..')
                .should().dependOnClassesThat().resideInAnyPackage(ENGINE, ENGINE + '.files..')
                .check(production)
    }

    /** Java cannot keep a class that other engine packages use package-private; this keeps it internal. */
    private void onlyUsedFrom(GivenClassesConjunction internal, String... packages) {
        internal.should().onlyHaveDependentClassesThat().resideInAnyPackage(packages).check(production)
    }

    def "no reflection-based proxies of our own (native image)"() {
        expect:
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName('java.lang.reflect.Proxy')
                .check(production)
    }
}
