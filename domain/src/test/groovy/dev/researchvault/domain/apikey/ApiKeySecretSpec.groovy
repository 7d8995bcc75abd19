package dev.researchvault.domain.apikey

import spock.lang.Specification

class ApiKeySecretSpec extends Specification {

    def "a masked key shows at most a short vendor prefix and the last four characters"() {
        expect:
        ApiKeySecret.of(clear).masked() == masked
        !ApiKeySecret.of(clear).toString().contains(clear)

        where:
        clear                           || masked
        'sk-proj-Zq8vN3xK7mP2wR5t4f2a'  || 'sk-…4f2a'
        'tvly-0123456789abcdef'         || '…cdef'
        'AIzaSyD0123456789abcdefXYZ'    || '…fXYZ'
        'gsk_0123456789abcdef'          || '…cdef'
    }
}
