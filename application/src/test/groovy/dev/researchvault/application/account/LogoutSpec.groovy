package dev.researchvault.application.account

/** Logout ends one session; the user's key is wiped with their last one. */
class LogoutSpec extends AccountFixture {

    def "logout ends one session and keeps the user's key for the others until the last one ends"() {
        given:
        registered()
        def first = loggedIn()
        def second = loggedIn()

        when:
        logout.logout(first.token())

        then:
        sessions.find(first.token()).isEmpty()
        sessions.find(second.token()).isPresent()
        !second.key().isDestroyed()

        when:
        logout.logout(second.token())

        then:
        sessions.live().isEmpty()
        second.key().isDestroyed()
    }

    def "logging out an unknown or ended token does nothing"() {
        given:
        registered()
        def session = loggedIn()
        logout.logout(session.token())

        when:
        logout.logout(token)

        then:
        noExceptionThrown()

        where:
        token << ['token-1', 'never issued', '', null]
    }
}
