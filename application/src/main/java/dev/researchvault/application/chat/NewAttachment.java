package dev.researchvault.application.chat;

/** A file of a new message: its bytes in the request ({@link NewFile}) or an earlier upload ({@link UploadedFile}). */
public sealed interface NewAttachment permits NewFile, UploadedFile {
}
