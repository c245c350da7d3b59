"""Reading and writing outside formats: article files, manifests and pages (`articles`),
fetching URLs (`fetch`), exports of stored figures (`export`)."""
