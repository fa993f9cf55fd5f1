/// Test-only PEMs for the loopback HTTPS server, made once with `openssl` (EC P-256, valid until
/// 2125): a self-signed CA, and a leaf it signed for `IP:127.0.0.1` (serverAuth) with its key.
/// They protect nothing; they exist so the TLS tests need no network and no generator.
enum LoopbackCertificates {
    static let caPEM = """
    -----BEGIN CERTIFICATE-----
    MIIBqTCCAU+gAwIBAgIUEFToUbXsmRju3iaMJ/QvK/3bCdIwCgYIKoZIzj0EAwIw
    ITEfMB0GA1UEAwwWZHh0b3AtdGVzdC1sb29wYmFjay1jYTAgFw0yNjExMjkwNTIw
    MjdaGA8yMTI2MTEwNTA1MjAyN1owITEfMB0GA1UEAwwWZHh0b3AtdGVzdC1sb29w
    YmFjay1jYTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABFlVM9HCsEhS3J30g5Ls
    80vKYNm5AsBroecrfRRNlyUU1pk9t9TXt5JvLND4tw82GTcMm+jvILJ7im4wbNZv
    xg6jYzBhMB0GA1UdDgQWBBR2l1pmlCuzEAYJkAZYvlVVx5D4KzAfBgNVHSMEGDAW
    gBR2l1pmlCuzEAYJkAZYvlVVx5D4KzAPBgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB
    /wQEAwIBBjAKBggqhkjOPQQDAgNIADBFAiEApuscoDSFyD6Tr7Mqvp0J1x/61gyl
    miPzvyH+MG3GUW8CIDeY72alcQxR65a53/5jUpGxCuJ2hYBWs/VHtIkiSTh1
    -----END CERTIFICATE-----

    """

    static let leafPEM = """
    -----BEGIN CERTIFICATE-----
    MIIBwTCCAWegAwIBAgIUTa+S2WnqjGC3QzwLrB0lSOFk0Z8wCgYIKoZIzj0EAwIw
    ITEfMB0GA1UEAwwWZHh0b3AtdGVzdC1sb29wYmFjay1jYTAgFw0yNjExMjkwNTIw
    MjdaGA8yMTI1MDYyMzA1MjAyN1owFDESMBAGA1UEAwwJMTI3LjAuMC4xMFkwEwYH
    KoZIzj0CAQYIKoZIzj0DAQcDQgAEn3Cxny7+jQ3xYm0yE3aT3jWYa68V63E1wZlM
    IoiCMl2ePAIzWIK+DHRg95V7D7BamYNDBqCOVdoBG7KVBMhHR6OBhzCBhDAMBgNV
    HRMBAf8EAjAAMA4GA1UdDwEB/wQEAwIHgDATBgNVHSUEDDAKBggrBgEFBQcDATAP
    BgNVHREECDAGhwR/AAABMB0GA1UdDgQWBBRWXAyhKripJMgGyiEm0yeBsMIACjAf
    BgNVHSMEGDAWgBR2l1pmlCuzEAYJkAZYvlVVx5D4KzAKBggqhkjOPQQDAgNIADBF
    AiEA6AO7nbYanTsSCviTyMlNrQKgmmkce913uuuno6R6pSQCIFDqYwlVSVZZxwNF
    V7dui9McRcN+LfCTGzAmF1ZukPQg
    -----END CERTIFICATE-----

    """

    static let leafKeyPEM = """
    -----BEGIN PRIVATE KEY-----
    MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgNZ9FOABiaTmKuggB
    o2uyQSsxb0WetJlNmob0vUKL3/ehRANCAASfcLGfLv6NDfFibTITdpPeNZhrrxXr
    cTXBmUwiiIIyXZ48AjNYgr4MdGD3lXsPsFqZg0MGoI5V2gEbspUEyEdH
    -----END PRIVATE KEY-----

    """
}
