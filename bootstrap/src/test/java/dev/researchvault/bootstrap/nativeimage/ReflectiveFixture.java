package dev.researchvault.bootstrap.nativeimage;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** Reflective calls of the kinds ReflectionScan must find, for ReflectionScanSpec (compiled Java, as main code is). */
final class ReflectiveFixture {

    private ReflectiveFixture() {
    }

    static Object byName(String className) throws ReflectiveOperationException {
        return Class.forName(className).getDeclaredConstructor().newInstance();
    }

    static Object invoke(Object target, String method) throws ReflectiveOperationException {
        return target.getClass().getMethod(method).invoke(target);
    }

    static MethodHandle handle() throws ReflectiveOperationException {
        return MethodHandles.lookup().findVirtual(Object.class, "toString", MethodType.methodType(String.class));
    }

    static Object resource() {
        return ReflectiveFixture.class.getResourceAsStream("/somewhere.txt");
    }
}
