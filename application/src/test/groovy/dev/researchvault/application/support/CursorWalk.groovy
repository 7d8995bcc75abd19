package dev.researchvault.application.support

import dev.researchvault.domain.Page
import dev.researchvault.domain.PageRequest

/** Follows {@code next} from the first page of a list to its end, the way a scrolling client would. */
class CursorWalk {

    /** Every page visited, first one first; {@code list} reads one page of the list. */
    static <T> List<Page<T>> pages(int size, Closure<Page<T>> list) {
        List<Page<T>> pages = [list(new PageRequest(0, size))]
        while (pages.last().next() != null) {
            assert pages.size() < 1000: 'the walk does not end'
            pages << list(PageRequest.after(pages.last().next(), size))
        }
        pages
    }

    /** The items of every page visited, in the order the walk met them. */
    static <T> List<T> items(int size, Closure<Page<T>> list) {
        pages(size, list).collectMany { it.items() }
    }
}
