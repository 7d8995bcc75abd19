package dev.researchvault.adapter.persistence.crypto

import dev.researchvault.domain.account.KdfAlgorithm
import dev.researchvault.domain.account.KdfParameters
import dev.researchvault.domain.account.Password
import spock.lang.Specification

class BouncyCastleVaultKeysSpec extends Specification {

    def keys = new BouncyCastleVaultKeys(new KdfConfiguration(memoryKib: 1024, iterations: 1))

    def "fresh parameters carry the configured cost and a new 32-byte salt each time"() {
        when:
        def first = keys.freshParameters()
        def second = keys.freshParameters()

        then:
        first.algorithm() == KdfAlgorithm.ARGON2ID
        first.memoryKib() == 1024
        first.salt().length == 32
        first.salt() != second.salt()
    }

    def "the same password and parameters give the same key; another salt or password another key"() {
        given:
        def parameters = keys.freshParameters()

        expect:
        derive('correct horse', parameters).sameAs(derive('correct horse', parameters))
        !derive('correct horse', parameters).sameAs(derive('correct horse', keys.freshParameters()))
        !derive('correct horse', parameters).sameAs(derive('correct horsf', parameters))
    }

    def "PBKDF2-HMAC-SHA512 matches the published test vector (password, salt, 1 iteration)"() {
        given:
        def parameters = new KdfParameters(KdfAlgorithm.PBKDF2_HMAC_SHA512, 0, 1, 1, 'salt'.getBytes('US-ASCII'))

        expect:
        derive('password', parameters).copyBytes().encodeHex().toString() ==
                '867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252'
    }

    def "a non-ASCII password is derived from its UTF-8 bytes"() {
        given:
        def parameters = new KdfParameters(KdfAlgorithm.PBKDF2_HMAC_SHA512, 0, 1, 1, 'salt'.getBytes('US-ASCII'))

        expect:
        !derive('pässwörd', parameters).sameAs(derive('p?ssw?rd', parameters))
    }

    private def derive(String password, KdfParameters parameters) {
        Password.offered(password).withCloseable { keys.derive(it, parameters) }
    }
}
