package dev.researchvault.application.settings

import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.settings.SettingsStore
import dev.researchvault.domain.vault.NoVaultBoundException
import spock.lang.Specification

/**
 * What every {@link SettingsStore} does. Subclasses name the store and how to get a user whose vault is
 * ready; each call runs inside {@link #inVault}, as the services call it.
 */
abstract class SettingsStoreContractSpec extends Specification {

    abstract SettingsStore getStore()

    /** A user with an empty, usable vault. */
    abstract UserId newUser()

    /** Runs {@code work} with {@code user}'s vault bound. */
    abstract <T> T inVault(UserId user, Closure<T> work)

    def "a new user has no overrides"() {
        given:
        def user = newUser()

        expect:
        inVault(user) { store.overrides() } == [:]
    }

    def "a stored override is read back verbatim"() {
        given:
        def user = newUser()

        when:
        inVault(user) { store.put(key, stored) }

        then:
        inVault(user) { store.overrides() } == [(key): stored]

        where:
        key                | stored
        'llm.model'        | 'gpt-4o'
        'llm.temperature'  | '0.25'
        'app.greeting'     | 'quotes " and \\ and ünïcödé ✓'
        'report.sections'  | '{"order":["summary","sources"]}'
    }

    def "a second put replaces the first"() {
        given:
        def user = newUser()
        inVault(user) { store.put('search.iterations', '3') }

        when:
        inVault(user) { store.put('search.iterations', '5') }

        then:
        inVault(user) { store.overrides() } == ['search.iterations': '5']
    }

    def "removing an override answers whether there was one, and leaves the others"() {
        given:
        def user = newUser()
        inVault(user) {
            store.put('app.theme', 'dark')
            store.put('app.language', 'de')
        }

        expect:
        inVault(user) { store.remove('app.theme') }
        !inVault(user) { store.remove('app.theme') }
        !inVault(user) { store.remove('never.stored') }
        inVault(user) { store.overrides() } == ['app.language': 'de']
    }

    def "several overrides stored at once are all read back, replacing earlier ones"() {
        given:
        def user = newUser()
        inVault(user) { store.put('app.theme', 'dark') }

        when:
        inVault(user) { store.putAll(['app.theme': 'light', 'app.language': 'de']) }

        then:
        inVault(user) { store.overrides() } == ['app.theme': 'light', 'app.language': 'de']
    }

    def "a read right after each write sees that write"() {
        given:
        def user = newUser()

        expect:
        (1..5).every { round ->
            inVault(user) {
                store.put('search.iterations', "${round}".toString())
                store.overrides()['search.iterations'] == "${round}".toString()
            }
        }
        inVault(user) {
            store.remove('search.iterations')
            store.overrides().isEmpty()
        }
    }

    def "two users' overrides are independent"() {
        given:
        def alice = newUser()
        def bob = newUser()

        when:
        inVault(alice) { store.put('app.theme', 'dark') }
        inVault(bob) { store.put('app.theme', 'light') }
        inVault(bob) { store.put('app.language', 'fr') }

        then:
        inVault(alice) { store.overrides() } == ['app.theme': 'dark']
        inVault(bob) { store.overrides() } == ['app.theme': 'light', 'app.language': 'fr']
    }

    def "with no vault bound, #method refuses and changes nothing"() {
        given:
        def user = newUser()
        inVault(user) { store.put('app.theme', 'dark') }

        when:
        call(store)

        then:
        thrown(NoVaultBoundException)
        inVault(user) { store.overrides() } == ['app.theme': 'dark']

        where:
        method      | call
        'overrides' | { SettingsStore s -> s.overrides() }
        'put'       | { SettingsStore s -> s.put('app.theme', 'light') }
        'putAll'    | { SettingsStore s -> s.putAll(['app.theme': 'light']) }
        'remove'    | { SettingsStore s -> s.remove('app.theme') }
    }
}
