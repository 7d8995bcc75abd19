package dev.researchvault.adapter.http.session

import dev.researchvault.application.account.Session
import dev.researchvault.domain.UnauthenticatedException
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.account.Username
import dev.researchvault.domain.vault.MasterKey
import io.micronaut.core.convert.ConversionContext
import io.micronaut.core.type.Argument
import io.micronaut.http.HttpRequest
import spock.lang.Specification

import java.time.Instant

class SessionArgumentBinderSpec extends Specification {

    def binder = new SessionArgumentBinder()
    def context = ConversionContext.of(Argument.of(Session, 'session'))

    def "binds the session the bearer-token filter attached to the request"() {
        given:
        def session = new Session('token', UserId.random(), new Username('alice'), new MasterKey(new byte[32]), 0,
                Instant.EPOCH, Instant.EPOCH.plusSeconds(60))
        def request = HttpRequest.GET('/api/v1/research').setAttribute(BearerTokenFilter.SESSION_ATTRIBUTE, session)

        expect:
        binder.bind(context, request).get().is(session)
    }

    def "a request the filter attached no session to is refused like one without a token: 401 session.required"() {
        when:
        binder.bind(context, HttpRequest.GET('/outside-the-filter'))

        then:
        def refused = thrown(UnauthenticatedException)
        refused.code() == 'session.required'
    }
}
