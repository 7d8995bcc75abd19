package dev.researchvault.bootstrap.nativeimage

import com.tngtech.archunit.core.domain.JavaAccess
import com.tngtech.archunit.core.domain.JavaClasses
import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import com.tngtech.archunit.core.importer.Location

/**
 * Finds the places where our compiled production classes (every module's, as ArchitectureSpec imports them) use
 * an API that a native image serves only for what its metadata lists: reflection, class loading by name, method
 * handles looked up by name, resources.
 */
class ReflectionScan {

    /** Class members that reach other members or classes by name. */
    static final Map<String, Set<String>> REFLECTIVE_MEMBERS = [
            'java.lang.Class'                       : ['forName', 'getMethod', 'getMethods', 'getDeclaredMethod',
                                                       'getDeclaredMethods', 'getField', 'getFields', 'getDeclaredField',
                                                       'getDeclaredFields', 'getConstructor', 'getConstructors',
                                                       'getDeclaredConstructor', 'getDeclaredConstructors', 'newInstance',
                                                       'getRecordComponents', 'getPermittedSubclasses'] as Set,
            'java.lang.ClassLoader'                 : ['loadClass'] as Set,
            'java.lang.invoke.MethodHandles'        : ['lookup', 'privateLookupIn', 'publicLookup'] as Set,
            'java.lang.invoke.MethodHandles$Lookup' : ['findVirtual', 'findStatic', 'findConstructor', 'findGetter',
                                                       'findSetter', 'findStaticGetter', 'findStaticSetter',
                                                       'findVarHandle', 'findClass', 'unreflect',
                                                       'unreflectConstructor', 'unreflectGetter', 'unreflectSetter'] as Set,
            'io.micronaut.core.reflect.ReflectionUtils'  : ['*'] as Set,
            'io.micronaut.core.reflect.InstantiationUtils': ['*'] as Set,
            'io.micronaut.core.reflect.ClassUtils'  : ['forName'] as Set,
    ]

    /** Packages whose every member is reflective (Method.invoke, Field.get, Proxy, ...). */
    static final List<String> REFLECTIVE_PACKAGES = ['java.lang.reflect.']

    /** Members that read a resource by name: a native image holds only the resources its metadata lists. */
    static final Map<String, Set<String>> RESOURCE_MEMBERS = [
            'java.lang.Class'                    : ['getResource', 'getResourceAsStream'] as Set,
            'java.lang.ClassLoader'              : ['getResource', 'getResourceAsStream', 'getResources'] as Set,
            'io.micronaut.core.io.ResourceResolver': ['getResource', 'getResourceAsStream', 'getResources'] as Set,
    ]

    static JavaClasses production() {
        new ClassFileImporter()
                .withImportOption({ Location location ->
                    !location.contains('/test-classes/') && !location.contains('-tests.jar')
                } as ImportOption)
                .importPackages('dev.researchvault')
    }

    /** "origin class -> owner.member" for each reflective use in {@code classes}, Micronaut's generated lookups aside. */
    static Set<String> reflectiveUses(JavaClasses classes) {
        uses(classes) { JavaAccess<?> access ->
            String owner = access.target.owner.name
            (REFLECTIVE_PACKAGES.any { owner.startsWith(it) } || matches(REFLECTIVE_MEMBERS, owner, access.target.name)) &&
                    !micronautTargetMethodLookup(access)
        }
    }

    /** "origin class -> owner.member" for each resource read in {@code classes}. */
    static Set<String> resourceReads(JavaClasses classes) {
        uses(classes) { JavaAccess<?> access -> matches(RESOURCE_MEMBERS, access.target.owner.name, access.target.name) }
    }

    /**
     * Micronaut's compile-time bean definitions ({@code $Foo$Definition$Exec}) look a {@code java.lang.reflect.Method}
     * up by name in one place only: {@code getTargetMethodByIndex}, behind {@code ExecutableMethod.getTargetMethod()},
     * which Micronaut's own dispatch does not call (it invokes the generated code). Micronaut's GraalVM support
     * answers for that; it is not a call of ours.
     */
    static boolean micronautTargetMethodLookup(JavaAccess<?> access) {
        def origin = access.originOwner
        origin.name.substring(origin.packageName.length() + 1).startsWith('$') && access.origin.name == 'getTargetMethodByIndex' &&
                access.target.owner.name == 'io.micronaut.core.reflect.ReflectionUtils'
    }

    private static boolean matches(Map<String, Set<String>> members, String owner, String name) {
        Set<String> names = members[owner]
        names != null && (names.contains('*') || names.contains(name))
    }

    private static Set<String> uses(JavaClasses classes, Closure<Boolean> selected) {
        Set<String> found = new TreeSet<>()
        classes.each { javaClass ->
            javaClass.accessesFromSelf.each { JavaAccess<?> access ->
                if (selected(access)) {
                    found << "${topLevel(access.originOwner.name)} -> ${access.target.owner.name}.${access.target.name}".toString()
                }
            }
        }
        found
    }

    /** Lambdas and nested classes count as their top-level class: the allow-lists name source files. */
    private static String topLevel(String className) {
        int nested = className.indexOf('$', className.lastIndexOf('.') + 2)
        nested < 0 ? className : className.substring(0, nested)
    }
}
