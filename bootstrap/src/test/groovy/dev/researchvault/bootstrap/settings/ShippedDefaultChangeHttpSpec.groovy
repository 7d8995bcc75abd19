package dev.researchvault.bootstrap.settings

import dev.researchvault.bootstrap.support.VaultHttpSpec
import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer

/**
 * A new release ships another default: the same data directory is served first with the shipped defaults,
 * then by a server whose defaults file (a test resource) changes {@code llm.model}.
 */
class ShippedDefaultChangeHttpSpec extends VaultHttpSpec {

    def "users without an override get the new default; users with one keep theirs"() {
        given: 'under the current release, alice picks a model and bob does not'
        def alice = uniqueName('alice')
        def bob = uniqueName('bob')
        [alice, bob].each { assert register(it).status == 201 }
        put('/api/v1/settings/llm.model', [value: 'o3'], login(alice))
        def shippedDefault = get('/api/v1/settings/llm.model', login(bob)).json.value

        when: 'the next release serves the same vaults'
        def nextRelease = ApplicationContext.run(EmbeddedServer,
                serverProperties() + ['settings.defaults-resource': 'settings-defaults-next-release.json'])
        def bobsModel = on(nextRelease) { get('/api/v1/settings/llm.model', login(bob)).json }
        def alicesModel = on(nextRelease) { get('/api/v1/settings/llm.model', login(alice)).json }

        then:
        shippedDefault != 'gpt-5'
        bobsModel.value == 'gpt-5'
        !bobsModel.overridden
        alicesModel.value == 'o3'
        alicesModel.overridden

        cleanup:
        nextRelease?.close()
    }

    /** Runs {@code requests} against {@code other} instead of the spec's own server. */
    private <T> T on(EmbeddedServer other, Closure<T> requests) {
        def own = server
        server = other
        try {
            requests.call()
        } finally {
            server = own
        }
    }
}
