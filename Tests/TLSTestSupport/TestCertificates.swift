/// Test-only PEMs made once by `make-certificates.sh` (beside this file; EC P-256): a CA, and leaves
/// it signed that are good, expired, not yet valid or for another name, plus a self-signed one. All
/// leaves share one key. They protect nothing; they exist so TLS tests need no network and no
/// generator, and their dates are fixed so "expired" stays expired.
public enum TestCertificates {
    /// The test CA (`CN=dxtop-test-ca`), 2020–2125: give it as the ca-file.
    public static let caPEM = """
    -----BEGIN CERTIFICATE-----
    MIIBZDCCAQqgAwIBAgICEAAwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNZHh0b3At
    dGVzdC1jYTAgFw0yMDAxMDEwMDAwMDBaGA8yMTI1MTEwMTAwMDAwMFowGDEWMBQG
    A1UEAwwNZHh0b3AtdGVzdC1jYTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABIsW
    rkTGqAQC7iUFi3hqzuZrsjUunMu+uh5il9xs60IFJsUE2VM/SourVTNA4Br3zzRP
    ZLKUOpRahx7sGwJYV/ijQjBAMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/BAQD
    AgEGMB0GA1UdDgQWBBQuBVXW9MHB7ZjXs7AIbrofoqX78TAKBggqhkjOPQQDAgNI
    ADBFAiEA5CJrIjTs4tooIWDXDnphT40JSufpYBhaOvKRE2pS3u8CIC47RdddxpvJ
    nKpKCmWJSGwtTqWgagyp5OmyYarZioUd
    -----END CERTIFICATE-----

    """

    /// Signed by the CA for `IP:127.0.0.1`, 2020–2125.
    public static let goodPEM = """
    -----BEGIN CERTIFICATE-----
    MIIBpzCCAUygAwIBAgICEAEwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNZHh0b3At
    dGVzdC1jYTAgFw0yMDAxMDEwMDAwMDBaGA8yMTI1MTEwMTAwMDAwMFowFDESMBAG
    A1UEAwwJMTI3LjAuMC4xMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEKdfHYNlg
    kDKbi97jB8Y1PHP3QICc8R2hpWnEZlHLa8AGf7vVW1VFaiotx9pDqV56d/jU1NEG
    zZfwGbMIDGeruqOBhzCBhDAMBgNVHRMBAf8EAjAAMA4GA1UdDwEB/wQEAwIHgDAT
    BgNVHSUEDDAKBggrBgEFBQcDATAPBgNVHREECDAGhwR/AAABMB0GA1UdDgQWBBRJ
    UV6IeW1VTNSxzRVEvea0+cKBPTAfBgNVHSMEGDAWgBQuBVXW9MHB7ZjXs7AIbrof
    oqX78TAKBggqhkjOPQQDAgNJADBGAiEAwe41aFqPktKvNmnzHiwPL2OY0lT9tFed
    lk5eBWqCGmYCIQCtI7C1u7pgyWzXj5LrgzoK0L0rtvMxxot3atE4KRUthg==
    -----END CERTIFICATE-----

    """

    /// Signed by the CA for `IP:127.0.0.1`, valid 2020-01-01 to 2021-01-01 only.
    public static let expiredPEM = """
    -----BEGIN CERTIFICATE-----
    MIIBpTCCAUqgAwIBAgICEAIwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNZHh0b3At
    dGVzdC1jYTAeFw0yMDAxMDEwMDAwMDBaFw0yMTAxMDEwMDAwMDBaMBQxEjAQBgNV
    BAMMCTEyNy4wLjAuMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABCnXx2DZYJAy
    m4ve4wfGNTxz90CAnPEdoaVpxGZRy2vABn+71VtVRWoqLcfaQ6leenf41NTRBs2X
    8BmzCAxnq7qjgYcwgYQwDAYDVR0TAQH/BAIwADAOBgNVHQ8BAf8EBAMCB4AwEwYD
    VR0lBAwwCgYIKwYBBQUHAwEwDwYDVR0RBAgwBocEfwAAATAdBgNVHQ4EFgQUSVFe
    iHltVUzUsc0VRL3mtPnCgT0wHwYDVR0jBBgwFoAULgVV1vTBwe2Y17OwCG66H6Kl
    +/EwCgYIKoZIzj0EAwIDSQAwRgIhAPvl9NV/ALm3jJXaP1BdnJQYbq4bilEQdV83
    qS6speBNAiEA0dKbgs/M2J9DAnu4dnq9iWXoGId7nvi5znEOfUpZbn4=
    -----END CERTIFICATE-----

    """

    /// Signed by the CA for `IP:127.0.0.1`, valid from 2120-01-01 only.
    public static let notYetValidPEM = """
    -----BEGIN CERTIFICATE-----
    MIIBpzCCAU6gAwIBAgICEAMwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNZHh0b3At
    dGVzdC1jYTAiGA8yMTIwMDEwMTAwMDAwMFoYDzIxMjEwMTAxMDAwMDAwWjAUMRIw
    EAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAQp18dg
    2WCQMpuL3uMHxjU8c/dAgJzxHaGlacRmUctrwAZ/u9VbVUVqKi3H2kOpXnp3+NTU
    0QbNl/AZswgMZ6u6o4GHMIGEMAwGA1UdEwEB/wQCMAAwDgYDVR0PAQH/BAQDAgeA
    MBMGA1UdJQQMMAoGCCsGAQUFBwMBMA8GA1UdEQQIMAaHBH8AAAEwHQYDVR0OBBYE
    FElRXoh5bVVM1LHNFUS95rT5woE9MB8GA1UdIwQYMBaAFC4FVdb0wcHtmNezsAhu
    uh+ipfvxMAoGCCqGSM49BAMCA0cAMEQCIAMOY1HyFkak8VVcpsK57stz/drnYbgK
    bhvwOGTDPDdPAiA0Fp63m+0yboA4+InCrX1WDuTZGTn2nyKSqtcf+t20kw==
    -----END CERTIFICATE-----

    """

    /// Signed by the CA for `DNS:cic01.example.com, DNS:cic01` (not 127.0.0.1), 2020–2125.
    public static let wrongNamePEM = """
    -----BEGIN CERTIFICATE-----
    MIIBwTCCAWigAwIBAgICEAQwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNZHh0b3At
    dGVzdC1jYTAgFw0yMDAxMDEwMDAwMDBaGA8yMTI1MTEwMTAwMDAwMFowHDEaMBgG
    A1UEAwwRY2ljMDEuZXhhbXBsZS5jb20wWTATBgcqhkjOPQIBBggqhkjOPQMBBwNC
    AAQp18dg2WCQMpuL3uMHxjU8c/dAgJzxHaGlacRmUctrwAZ/u9VbVUVqKi3H2kOp
    Xnp3+NTU0QbNl/AZswgMZ6u6o4GbMIGYMAwGA1UdEwEB/wQCMAAwDgYDVR0PAQH/
    BAQDAgeAMBMGA1UdJQQMMAoGCCsGAQUFBwMBMCMGA1UdEQQcMBqCEWNpYzAxLmV4
    YW1wbGUuY29tggVjaWMwMTAdBgNVHQ4EFgQUSVFeiHltVUzUsc0VRL3mtPnCgT0w
    HwYDVR0jBBgwFoAULgVV1vTBwe2Y17OwCG66H6Kl+/EwCgYIKoZIzj0EAwIDRwAw
    RAIgboYIMlBAaBDN/gBOQSGrc0VWdgeMsORPLSaXgGwT1hYCICI2KJgzfcVj7Esx
    UZuCb16o17WlGt/rcRw0TW1QCr0H
    -----END CERTIFICATE-----

    """

    /// Self-signed for `IP:127.0.0.1` (no CA trusts it), 2020–2125.
    public static let selfSignedPEM = """
    -----BEGIN CERTIFICATE-----
    MIIBbzCCARWgAwIBAgICEAUwCgYIKoZIzj0EAwIwFDESMBAGA1UEAwwJMTI3LjAu
    MC4xMCAXDTIwMDEwMTAwMDAwMFoYDzIxMjUxMTAxMDAwMDAwWjAUMRIwEAYDVQQD
    DAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAQp18dg2WCQMpuL
    3uMHxjU8c/dAgJzxHaGlacRmUctrwAZ/u9VbVUVqKi3H2kOpXnp3+NTU0QbNl/AZ
    swgMZ6u6o1UwUzAMBgNVHRMBAf8EAjAAMBMGA1UdJQQMMAoGCCsGAQUFBwMBMA8G
    A1UdEQQIMAaHBH8AAAEwHQYDVR0OBBYEFElRXoh5bVVM1LHNFUS95rT5woE9MAoG
    CCqGSM49BAMCA0gAMEUCIGH9QYWKIyuuJ9dayrQlz2Nqoh94tQhdbwdwZR+1ul1D
    AiEAx6ZZu19qDumEp7+SuMS+HcjetYgtKK81tvAc5vFjzBM=
    -----END CERTIFICATE-----

    """

    /// The key of every leaf above.
    public static let leafKeyPEM = """
    -----BEGIN PRIVATE KEY-----
    MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgw6eceZLoqByPGAj6
    nf7iLVfu0xvM0RtOd5JkT4dDOlmhRANCAAQp18dg2WCQMpuL3uMHxjU8c/dAgJzx
    HaGlacRmUctrwAZ/u9VbVUVqKi3H2kOpXnp3+NTU0QbNl/AZswgMZ6u6
    -----END PRIVATE KEY-----

    """
}
