/**
 * A syntactically valid, self-signed X.509 CA certificate (RSA 2048, CN=inferplane-offline-ca),
 * generated once for offline previews. Cluster mocks return it base64-encoded as the cluster CA
 * so kubeconfigs built from mock state have the same shape as real ones. It protects nothing:
 * there is no matching server, and its key was discarded.
 */
export const OFFLINE_CA_PEM = `-----BEGIN CERTIFICATE-----
MIIDITCCAgmgAwIBAgIUPJjNLBGiNDVpOlVLmRkfz6AacQYwDQYJKoZIhvcNAQEL
BQAwIDEeMBwGA1UEAwwVaW5mZXJwbGFuZS1vZmZsaW5lLWNhMB4XDTI2MTIwNDIw
MjA0NFoXDTM2MTIwMTIwMjA0NFowIDEeMBwGA1UEAwwVaW5mZXJwbGFuZS1vZmZs
aW5lLWNhMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1yRqBe91YNBM
wqWxoaEzji2r5P9ODfKZwgXW9Lki4SzclxNm53b9b+xPrjBscY1D94JgH8aA6yDS
C3xfWWyjB7bfO/NIhlhFAxJLISNxL8CLqh7R2SQ1L9f8KLB9IiifFEDiO6j5k4r0
VbZmCfpum1lHmp52hryXtp7ZsvYKgT3HmghXm2H+KKZIfadeFiPtHHHpQTfJD49p
nCLRITvBBn2tp0YHYsgz4EEYQLtdLu50K2MgDvBhCzgfKwpAicpR9DhfWFJ/joMz
1PEy1IMRO4eoLgDlMrlDj7Az1r4M5yda8PIyGlONdAa/0hXps52Wn/Jg8Gj2JG0n
svSKc9MA3QIDAQABo1MwUTAdBgNVHQ4EFgQUPJDxYFkNTPaprp6cV8r5NJP7pZsw
HwYDVR0jBBgwFoAUPJDxYFkNTPaprp6cV8r5NJP7pZswDwYDVR0TAQH/BAUwAwEB
/zANBgkqhkiG9w0BAQsFAAOCAQEAE1i9t1ZAyiLeAUWAPTXvfJGygoNOwExadGj9
nhjnQwagoTGImzIXA0kop/43oCy0GBA/aQDOhHTBHjHJAjU0YY7ZVOIqAExQRu8k
90OEKNI7l6jnU5+6uTUsnjAyKC/dsahojjywUeCuYquV+dY0x+IlOs7ndLFoUinz
vtPwfWq5aREwu3BI+3fDZqcdVbg7Z+cmDS9coeLb2sKyhNk51WCsnwvn0gy4i4XD
wQp4NEskjB3Qbonknxqn4OwitQsL+ajrJM6p2ibDjPhrAB2h1PjMdULdGXzU9PQZ
gybSfkMW4O+kUFg5tEXhyRO46YLbl5qBpxdNJSXkxX5GRwPSNA==
-----END CERTIFICATE-----
`;

/** The CA certificate in the base64 form clusters report (`certificateAuthority.data`, `clusterCaCertificate`). */
export const OFFLINE_CA_BASE64 = Buffer.from(OFFLINE_CA_PEM).toString("base64");
