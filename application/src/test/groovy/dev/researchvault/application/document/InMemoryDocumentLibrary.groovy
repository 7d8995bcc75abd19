package dev.researchvault.application.document

import dev.researchvault.application.support.NewestFirstSlices
import dev.researchvault.application.vault.OneVault
import dev.researchvault.domain.ConflictException
import dev.researchvault.domain.Page
import dev.researchvault.domain.PageCursor
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.document.Document
import dev.researchvault.domain.document.DocumentChunk
import dev.researchvault.domain.document.DocumentFilter
import dev.researchvault.domain.document.DocumentGroup
import dev.researchvault.domain.document.DocumentGroupRepository
import dev.researchvault.domain.document.DocumentRepository

/**
 * {@link DocumentRepository} and {@link DocumentGroupRepository} in memory, over one shared state (the two ports
 * share the membership table, as in SQLite): the fakes of service specs and the reference of the contract spec.
 */
class InMemoryDocumentLibrary {

    /** Every call needs a bound vault, as in the SQLite adapter. */
    private final OneVault vault = new OneVault()
    private final Map<UUID, Document> documentRows = new LinkedHashMap<>()
    private final Map<UUID, String> texts = [:]
    private final Map<UUID, List<DocumentChunk>> chunkRows = [:]
    private final Map<UUID, DocumentGroup> groupRows = new LinkedHashMap<>()
    /** group id → document ids */
    private final Map<UUID, Set<UUID>> members = [:]
    /** Order of addition, never reused: SQLite's rowid for the lists' ties and cursors. */
    private final Map<UUID, Long> sequences = [:]
    private long lastAdded

    final DocumentRepository documents = new Documents()
    final DocumentGroupRepository groups = new Groups()

    private synchronized <T> T locked(Closure<T> work) {
        vault.enter()
        work()
    }

    private class Documents implements DocumentRepository {

        private final NewestFirstSlices<Document> newestFirst =
                new NewestFirstSlices<>(PageCursor.Listing.DOCUMENTS, { it.createdAt() }, { sequences[it.id()] })

        void add(Document document) {
            locked {
                documentRows[document.id()] = document
                sequences[document.id()] = ++lastAdded
            }
        }

        void update(Document document) {
            locked {
                if (documentRows.containsKey(document.id())) {
                    documentRows[document.id()] = document
                }
            }
        }

        Optional<Document> find(UUID id) {
            locked { Optional.ofNullable(documentRows[id]) }
        }

        Page<Document> list(DocumentFilter filter, PageRequest page) {
            locked { newestFirst.slice(documentRows.values().findAll { matches(it, filter) }, page) }
        }

        boolean delete(UUID id) {
            locked {
                texts.remove(id)
                chunkRows.remove(id)
                members.values()*.remove(id)
                documentRows.remove(id) != null
            }
        }

        Set<UUID> existing(Collection<UUID> ids) {
            locked { ids.findAll { documentRows.containsKey(it) } as Set }
        }

        Map<UUID, List<DocumentGroup.Ref>> groupsOf(Collection<UUID> ids) {
            locked {
                ids.collectEntries { UUID id ->
                    [(id): members.findAll { it.value.contains(id) }.keySet().collect { groupRows[it] }
                            .sort { a, b -> asciiFolded(a.name()) <=> asciiFolded(b.name()) ?: a.id() <=> b.id() }
                            .collect { new DocumentGroup.Ref(it.id(), it.name()) }]
                }.findAll { it.value } as Map<UUID, List<DocumentGroup.Ref>>
            }
        }

        void putText(UUID id, String text) {
            locked { text == null ? texts.remove(id) : texts.put(id, text) }
        }

        Optional<String> text(UUID id) {
            locked { Optional.ofNullable(texts[id]) }
        }

        void replaceChunks(UUID id, List<DocumentChunk> chunks) {
            locked { chunkRows[id] = List.copyOf(chunks) }
        }

        Page<DocumentChunk> chunks(UUID id, PageRequest page) {
            locked {
                List<DocumentChunk> all = (chunkRows[id] ?: []).sort(false) { it.index() }
                Page.of(all.drop((int) page.offset()).take(page.size()), page, all.size())
            }
        }

        long count() {
            locked { documentRows.size() }
        }

        private boolean matches(Document document, DocumentFilter filter) {
            (filter.status() == null || document.status() == filter.status()) &&
                    (filter.groupId() == null || members[filter.groupId()]?.contains(document.id())) &&
                    (filter.text() == null || [document.title(), document.authors()].any {
                        it != null && asciiFolded(it).contains(asciiFolded(filter.text()))
                    })
        }
    }

    private class Groups implements DocumentGroupRepository {

        private final NewestFirstSlices<DocumentGroup.Counted> newestFirst = new NewestFirstSlices<>(
                PageCursor.Listing.DOCUMENT_GROUPS, { it.group().createdAt() }, { sequences[it.group().id()] })

        void add(DocumentGroup group) {
            locked {
                requireFreeName(group)
                groupRows[group.id()] = group
                members[group.id()] = new LinkedHashSet<UUID>()
                sequences[group.id()] = ++lastAdded
            }
        }

        void update(DocumentGroup group) {
            locked {
                requireFreeName(group)
                if (groupRows.containsKey(group.id())) {
                    groupRows[group.id()] = group
                }
            }
        }

        Optional<DocumentGroup.Counted> find(UUID id) {
            locked { Optional.ofNullable(groupRows[id]).map { counted(it) } }
        }

        Page<DocumentGroup.Counted> list(PageRequest page) {
            locked { newestFirst.slice(groupRows.values().collect { counted(it) }, page) }
        }

        boolean delete(UUID id) {
            locked {
                members.remove(id)
                groupRows.remove(id) != null
            }
        }

        boolean addMember(UUID groupId, UUID documentId) {
            locked {
                assert groupRows.containsKey(groupId) && documentRows.containsKey(documentId): 'a foreign key would refuse this'
                members[groupId].add(documentId)
            }
        }

        boolean removeMember(UUID groupId, UUID documentId) {
            locked { members[groupId]?.remove(documentId) ?: false }
        }

        long count() {
            locked { groupRows.size() }
        }

        private DocumentGroup.Counted counted(DocumentGroup group) {
            new DocumentGroup.Counted(group, members[group.id()]?.size() ?: 0)
        }

        private void requireFreeName(DocumentGroup group) {
            if (groupRows.values().any { it.id() != group.id() && asciiFolded(it.name()) == asciiFolded(group.name()) }) {
                throw new ConflictException('document-group.name-taken', 'another document group has this name')
            }
        }
    }

    /** As SQLite's NOCASE and LIKE: ASCII letters fold, nothing else does. */
    private static String asciiFolded(String text) {
        text.collect { String c -> c >= 'A' && c <= 'Z' ? c.toLowerCase() : c }.join()
    }
}
