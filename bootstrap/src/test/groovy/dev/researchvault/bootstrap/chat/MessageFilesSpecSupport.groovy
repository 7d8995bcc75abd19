package dev.researchvault.bootstrap.chat

import dev.researchvault.adapter.persistence.vault.VaultFile
import dev.researchvault.bootstrap.support.VaultHttpSpec
import org.sqlite.mc.SQLiteMCSqlCipherConfig

import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.sql.Connection

/** Multipart posts, users with known passwords, and raw reads of a user's vault files for the file specs. */
abstract class MessageFilesSpecSupport extends VaultHttpSpec {

    static final String PASSWORD = 'correct horse battery'

    /** A registered user: name and a token. */
    static class User {
        String name
        String token
    }

    User user(String prefix = 'files') {
        String name = uniqueName(prefix)
        assert register(name, PASSWORD).status == 201
        new User(name: name, token: login(name, PASSWORD))
    }

    String newChat(User user, String title = 'files') {
        Reply reply = post('/api/v1/chats', [title: title], user.token)
        assert reply.status == 201
        reply.json.id
    }

    /**
     * Sends {@code body} raw to {@code POST /api/v1/uploads{query}}: without a Content-Type when {@code type} is null,
     * without a token when {@code user} is.
     */
    Reply postUpload(User user, HttpRequest.BodyPublisher body, String type, String query) {
        def builder = HttpRequest.newBuilder(URI.create("${server.URL}/api/v1/uploads${query}")).POST(body)
        if (type != null) {
            builder.header('Content-Type', type)
        }
        if (user != null) {
            builder.header('Authorization', "Bearer ${user.token}")
        }
        new Reply(http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray()))
    }

    static String base64(byte[] bytes) {
        Base64.encoder.encodeToString(bytes)
    }

    /** A multipart/form-data body of {@code parts}: [name, filename (null for a text field), content type, bytes or text]. */
    static byte[] multipartBody(String boundary, List<List> parts) {
        def body = new ByteArrayOutputStream()
        parts.each { name, filename, type, bytes ->
            body.write("--${boundary}\r\nContent-Disposition: form-data; name=\"${name}\"".getBytes('UTF-8'))
            if (filename != null) {
                body.write("; filename=\"${filename}\"".getBytes('UTF-8'))
            }
            body.write('\r\n'.bytes)
            if (type != null) {
                body.write("Content-Type: ${type}\r\n".getBytes('UTF-8'))
            }
            body.write('\r\n'.bytes)
            body.write(bytes instanceof String ? (bytes as String).getBytes('UTF-8') : bytes as byte[])
            body.write('\r\n'.bytes)
        }
        body.write("--${boundary}--\r\n".bytes)
        body.toByteArray()
    }

    /**
     * Posts a multipart message. {@code parts}: [name, filename (null for a text field), content type, bytes].
     */
    Reply postMultipart(String path, List<List> parts, String token) {
        String boundary = "----rv${UUID.randomUUID()}"
        def body = multipartBody(boundary, parts)
        def request = HttpRequest.newBuilder(URI.create("${server.URL}${path}"))
                .header('Content-Type', "multipart/form-data; boundary=${boundary}")
                .header('Authorization', "Bearer ${token}")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build()
        new Reply(http.send(request, HttpResponse.BodyHandlers.ofByteArray()))
    }

    Path userFile(User user, String name) {
        userDirOf(user.name).resolve(name)
    }

    /** A connection of our own to one of the user's encrypted files (the server may have it open too). */
    Connection connect(User user, VaultFile file) {
        byte[] key = files.fileKey(user.name, PASSWORD, file)
        String name = file.fileName()
        def cipher = SQLiteMCSqlCipherConfig.getV4Defaults().withRawUnsaltedKey(key)
        if (file.pageSizes().first() != 4096) {
            cipher.setLegacyPageSize(file.pageSizes().first())
        }
        cipher.build().createConnection("jdbc:sqlite:${userFile(user, name)}")
    }

    /** Every key in the user's blobs.db, sorted. */
    List<String> blobKeys(User user) {
        rowsOf(user, VaultFile.BLOBS, 'SELECT key FROM blob ORDER BY key').collect { it[0] as String }
    }

    /** The rows {@code sql} answers in one of the user's files, read on a connection of our own; each a list of values. */
    List<List<Object>> rowsOf(User user, VaultFile file, String sql) {
        Connection connection = connect(user, file)
        try {
            def result = connection.createStatement().executeQuery(sql)
            int columns = result.metaData.columnCount
            def rows = []
            while (result.next()) {
                rows << (1..columns).collect { result.getObject(it) }
            }
            rows
        } finally {
            connection.close()
        }
    }

    /** What a crash right after a chat deletion's commit leaves: the chat and its messages gone, their blobs not. */
    void deleteChatRowsOnly(User user, String chat) {
        Connection connection = connect(user, VaultFile.VAULT)
        try {
            connection.createStatement().execute('PRAGMA busy_timeout = 10000')
            connection.createStatement().execute('PRAGMA foreign_keys = ON')
            def delete = connection.prepareStatement('DELETE FROM chat WHERE id = ?')
            delete.setString(1, chat)
            assert delete.executeUpdate() == 1
        } finally {
            connection.close()
        }
    }

    /** The raw bytes of a file of the user's directory, or none when it does not exist. */
    byte[] rawBytes(User user, String name) {
        Path path = userFile(user, name)
        Files.exists(path) ? Files.readAllBytes(path) : new byte[0]
    }

    /** Whether {@code needle} occurs in {@code haystack} (latin-1 maps bytes to chars one to one). */
    static boolean contains(byte[] haystack, byte[] needle) {
        new String(haystack, 'ISO-8859-1').contains(new String(needle, 'ISO-8859-1'))
    }
}
