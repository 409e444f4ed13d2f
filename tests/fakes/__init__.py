"""Test doubles and hostile-input generators shared by the reliability tests.

``fuzz``            hypothesis profiles ("ci" short, "long") and strategies of hostile input
``geocoder_server`` a scripted fake geocoding HTTP service on 127.0.0.1 (real sockets)
``corpora``         small generated article folders for build/kill tests
"""
