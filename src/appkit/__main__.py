from appkit.cli.commands import main

main()
