package dev.researchvault.adapter.persistence.research

import dev.researchvault.adapter.persistence.support.OneVaultFixture
import ch.qos.logback.classic.Logger
import ch.qos.logback.classic.spi.ILoggingEvent
import ch.qos.logback.core.read.ListAppender
import dev.researchvault.adapter.persistence.vault.jdbc.SlowQueryLog
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.research.Research
import dev.researchvault.domain.research.ResearchFilter
import dev.researchvault.domain.research.ResearchRepository
import org.slf4j.LoggerFactory
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Instant

/** With a zero threshold every statement is "slow", which shows what a slow-query line holds. */
class SlowQueryLogSpec extends Specification {

    @Shared
    @AutoCleanup
    OneVaultFixture vault = new OneVaultFixture(['vault.slow-query-threshold': '0ms'])

    ListAppender<ILoggingEvent> captured = new ListAppender<>()
    Logger logger = (Logger) LoggerFactory.getLogger(SlowQueryLog)

    def setup() {
        captured.start()
        logger.addAppender(captured)
        vault.newVault()
    }

    def cleanup() {
        logger.detachAppender(captured)
    }

    def 'a slow statement is logged at WARN with its SQL cut to 200 characters and no parameter values'() {
        given:
        ResearchRepository repository = vault.context.getBean(ResearchRepository)
        String secret = 'my very private question ' + UUID.randomUUID()

        when:
        vault.inVault {
            repository.add(Research.create(UUID.randomUUID(), secret, 'quick', Instant.now()))
            repository.list(new ResearchFilter(null, secret), PageRequest.first())
        }

        then:
        List<ILoggingEvent> lines = captured.list.findAll { it.formattedMessage.startsWith('event=query.slow') }
        lines.size() >= 2
        lines.every { it.level.toString() == 'WARN' }
        lines.any { it.formattedMessage.contains('INSERT INTO') && it.formattedMessage.contains('research') }
        lines.every { sqlOf(it).length() <= 201 }
        lines.every { !it.formattedMessage.contains(secret) && !it.formattedMessage.contains('private question') }
    }

    def 'long SQL is cut to 200 characters and put on one line'() {
        when:
        String shown = SlowQueryLog.shortened('SELECT a,\n    b ' + 'FROM t JOIN u ' * 40)

        then:
        shown.length() == 201
        shown.endsWith('…')
        shown.startsWith('SELECT a, b FROM t')
    }

    static String sqlOf(ILoggingEvent line) {
        line.formattedMessage.replaceFirst(/^.*? sql="/, '').replaceFirst(/"$/, '')
    }
}
