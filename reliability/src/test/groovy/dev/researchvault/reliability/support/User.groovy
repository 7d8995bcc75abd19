package dev.researchvault.reliability.support

import groovy.transform.ToString

/** A test user: a unique name, a random password, the current token. */
@ToString(includes = 'name')
class User {
    final String name
    final String password
    volatile String token

    User(String prefix) {
        name = "${prefix}-${UUID.randomUUID().toString().substring(0, 8)}"
        password = "pw-${UUID.randomUUID()}"
    }
}
