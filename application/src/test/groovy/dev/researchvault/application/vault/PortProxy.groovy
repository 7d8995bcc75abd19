package dev.researchvault.application.vault

import java.lang.reflect.InvocationHandler
import java.lang.reflect.InvocationTargetException
import java.lang.reflect.Method
import java.lang.reflect.Proxy

/** A port that hands each call to the fake a closure picks for it: the one mechanism behind the spec routers here. */
class PortProxy {

    private PortProxy() {
    }

    /**
     * A {@code port} whose every call goes to {@code targetOf(method)}, which may also check the call first.
     * {@code equals}, {@code hashCode} and {@code toString} are the proxy's own: they must work with no vault bound.
     */
    static <P> P of(Class<P> port, Closure<P> targetOf) {
        InvocationHandler handler = { Object proxy, Method method, Object[] args ->
            if (method.declaringClass == Object) {
                return objectMethod(proxy, method, args)
            }
            try {
                method.invoke(targetOf(method), args)
            } catch (InvocationTargetException failed) {
                throw failed.cause // as the fake threw it
            }
        } as InvocationHandler
        (P) Proxy.newProxyInstance(port.classLoader, [port] as Class[], handler)
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args) {
        switch (method.name) {
            case 'equals': return proxy.is(args[0])
            case 'hashCode': return System.identityHashCode(proxy)
            default: return 'PortProxy@' + Integer.toHexString(System.identityHashCode(proxy))
        }
    }
}
