#!/bin/sh
# Makes the PEMs pasted into TestCertificates.swift (run once; the output is committed, so tests
# need no generator). EC P-256; one CA; every leaf shares one key. Fixed dates, so "expired" and
# "not yet valid" stay so, and the rest hold from 2020 to 2125: expired 2020-01-01..2021-01-01, not yet valid 2120-01-01..2121-01-01.
# Usage: sh make-certificates.sh OUTDIR   (needs openssl 3)
set -eu
out=${1:?outdir}; mkdir -p "$out"; cd "$out"
openssl ecparam -name prime256v1 -genkey -noout -out ca.key
openssl ecparam -name prime256v1 -genkey -noout -out leaf.key0
openssl pkcs8 -topk8 -nocrypt -in leaf.key0 -out leaf.key
mkdir -p db; : > db/index; echo 1000 > db/serial
cat > ca.cnf <<CNF
[ca]
default_ca = test
[test]
dir = .
database = db/index
serial = db/serial
new_certs_dir = db
certificate = ca.pem
private_key = ca.key
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
[any]
commonName = supplied
[ip]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1
[root]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
[self]
basicConstraints = critical,CA:FALSE
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1
[dns]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:cic01.example.com,DNS:cic01
CNF
sign() { # name CN extensions start end
  openssl req -new -key leaf.key -subj "/CN=$2" -out "$1.csr"
  openssl ca -batch -config ca.cnf -notext -extensions "$3" -startdate "$4" -enddate "$5" -in "$1.csr" -out "$1.pem"
}
openssl req -new -key ca.key -subj /CN=dxtop-test-ca -out ca.csr
openssl ca -batch -config ca.cnf -selfsign -keyfile ca.key -notext -extensions root \
  -startdate 20200101000000Z -enddate 21251101000000Z -in ca.csr -out ca.pem
sign good 127.0.0.1 ip 20200101000000Z 21251101000000Z
sign expired 127.0.0.1 ip 20200101000000Z 20210101000000Z
sign future 127.0.0.1 ip 21200101000000Z 21210101000000Z
sign wrongname cic01.example.com dns 20200101000000Z 21251101000000Z
openssl req -new -key leaf.key -subj /CN=127.0.0.1 -out selfsigned.csr
openssl ca -batch -config ca.cnf -selfsign -keyfile leaf.key -notext -extensions self \
  -startdate 20200101000000Z -enddate 21251101000000Z -in selfsigned.csr -out selfsigned.pem
