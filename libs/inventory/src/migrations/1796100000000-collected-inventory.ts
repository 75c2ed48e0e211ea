import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What collection plans find on devices: device facts (columns of the device), interfaces, IP addresses, ARP/NDP
 * neighbours, the MAC address table, LLDP/CDP neighbours and ENTITY-MIB inventory items.
 *
 * Everything with a `device_id` goes with its device (CASCADE), as NetBox deletes a device's components. An IP
 * address is IPAM data, not a component: its interface going leaves it unassigned (SET NULL), as in NetBox. So
 * do neighbour and MAC table entries (they still belong to the device); an LLDP neighbour is seen on its local
 * interface and goes with it. The resolved remote device and interface of an LLDP neighbour are only a link:
 * SET NULL. Enumerations (types, statuses, classes) are not constrained here, as for the first tables.
 */
export class CollectedInventory1796100000000 implements MigrationInterface {
  name = 'CollectedInventory1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE inventory_devices
        ADD COLUMN vendor text,
        ADD COLUMN model text,
        ADD COLUMN serial text,
        ADD COLUMN os_version text,
        ADD COLUMN hostname text,
        ADD COLUMN uptime bigint,
        ADD COLUMN last_collected_at timestamptz`);
    await queryRunner.query(`
      CREATE TABLE inventory_interfaces (
        id uuid PRIMARY KEY,
        device_id uuid NOT NULL CONSTRAINT inventory_interfaces_device_id_fkey REFERENCES inventory_devices (id) ON DELETE CASCADE,
        name text NOT NULL,
        type text NOT NULL,
        enabled boolean NOT NULL,
        mtu integer,
        speed bigint,
        mac_address text,
        description text NOT NULL DEFAULT '',
        if_index integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX inventory_interfaces_name_key ON inventory_interfaces (device_id, name)`);
    await queryRunner.query(`CREATE INDEX inventory_interfaces_mac_address_idx ON inventory_interfaces (mac_address)`);
    await queryRunner.query(`
      CREATE TABLE inventory_ip_addresses (
        id uuid PRIMARY KEY,
        address text NOT NULL,
        vrf text NOT NULL DEFAULT '',
        status text NOT NULL,
        interface_id uuid CONSTRAINT inventory_ip_addresses_interface_id_fkey REFERENCES inventory_interfaces (id) ON DELETE SET NULL,
        dns_name text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Unique by host address within a VRF: 10.0.0.1/24 and 10.0.0.1/32 are the same address.
    await queryRunner.query(`CREATE UNIQUE INDEX inventory_ip_addresses_address_key ON inventory_ip_addresses (split_part(address, '/', 1), vrf)`);
    await queryRunner.query(`CREATE INDEX inventory_ip_addresses_interface_id_idx ON inventory_ip_addresses (interface_id)`);
    await queryRunner.query(`
      CREATE TABLE inventory_ip_neighbours (
        id uuid PRIMARY KEY,
        device_id uuid NOT NULL CONSTRAINT inventory_ip_neighbours_device_id_fkey REFERENCES inventory_devices (id) ON DELETE CASCADE,
        interface_id uuid CONSTRAINT inventory_ip_neighbours_interface_id_fkey REFERENCES inventory_interfaces (id) ON DELETE SET NULL,
        ip text NOT NULL,
        mac text NOT NULL,
        vrf text NOT NULL DEFAULT '',
        last_seen timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX inventory_ip_neighbours_ip_key ON inventory_ip_neighbours (device_id, vrf, ip)`);
    await queryRunner.query(`CREATE INDEX inventory_ip_neighbours_interface_id_idx ON inventory_ip_neighbours (interface_id)`);
    await queryRunner.query(`CREATE INDEX inventory_ip_neighbours_mac_idx ON inventory_ip_neighbours (mac)`);
    await queryRunner.query(`
      CREATE TABLE inventory_mac_entries (
        id uuid PRIMARY KEY,
        device_id uuid NOT NULL CONSTRAINT inventory_mac_entries_device_id_fkey REFERENCES inventory_devices (id) ON DELETE CASCADE,
        interface_id uuid CONSTRAINT inventory_mac_entries_interface_id_fkey REFERENCES inventory_interfaces (id) ON DELETE SET NULL,
        vlan integer,
        mac text NOT NULL,
        last_seen timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // No VLAN (one table for all) is a key value of its own, not a NULL that never equals another.
    await queryRunner.query(`CREATE UNIQUE INDEX inventory_mac_entries_mac_key ON inventory_mac_entries (device_id, coalesce(vlan, 0), mac)`);
    await queryRunner.query(`CREATE INDEX inventory_mac_entries_interface_id_idx ON inventory_mac_entries (interface_id)`);
    await queryRunner.query(`CREATE INDEX inventory_mac_entries_mac_idx ON inventory_mac_entries (mac)`);
    await queryRunner.query(`
      CREATE TABLE inventory_lldp_neighbours (
        id uuid PRIMARY KEY,
        device_id uuid NOT NULL CONSTRAINT inventory_lldp_neighbours_device_id_fkey REFERENCES inventory_devices (id) ON DELETE CASCADE,
        interface_id uuid NOT NULL CONSTRAINT inventory_lldp_neighbours_interface_id_fkey REFERENCES inventory_interfaces (id) ON DELETE CASCADE,
        protocol text NOT NULL,
        remote_chassis_id text NOT NULL,
        remote_system_name text NOT NULL DEFAULT '',
        remote_port text NOT NULL,
        remote_device_id uuid CONSTRAINT inventory_lldp_neighbours_remote_device_id_fkey REFERENCES inventory_devices (id) ON DELETE SET NULL,
        remote_interface_id uuid CONSTRAINT inventory_lldp_neighbours_remote_interface_id_fkey REFERENCES inventory_interfaces (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX inventory_lldp_neighbours_neighbour_key ON inventory_lldp_neighbours (interface_id, protocol, remote_chassis_id, remote_port)`,
    );
    await queryRunner.query(`CREATE INDEX inventory_lldp_neighbours_device_id_idx ON inventory_lldp_neighbours (device_id)`);
    await queryRunner.query(`CREATE INDEX inventory_lldp_neighbours_remote_device_id_idx ON inventory_lldp_neighbours (remote_device_id)`);
    await queryRunner.query(`CREATE INDEX inventory_lldp_neighbours_remote_interface_id_idx ON inventory_lldp_neighbours (remote_interface_id)`);
    await queryRunner.query(`
      CREATE TABLE inventory_items (
        id uuid PRIMARY KEY,
        device_id uuid NOT NULL CONSTRAINT inventory_items_device_id_fkey REFERENCES inventory_devices (id) ON DELETE CASCADE,
        name text NOT NULL,
        class text NOT NULL,
        part_id text NOT NULL DEFAULT '',
        serial text NOT NULL DEFAULT '',
        firmware_version text NOT NULL DEFAULT '',
        software_version text NOT NULL DEFAULT '',
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX inventory_items_name_key ON inventory_items (device_id, name)`);
    await queryRunner.query(`CREATE INDEX inventory_items_serial_idx ON inventory_items (serial)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['inventory_items', 'inventory_lldp_neighbours', 'inventory_mac_entries', 'inventory_ip_neighbours', 'inventory_ip_addresses', 'inventory_interfaces']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`
      ALTER TABLE inventory_devices
        DROP COLUMN vendor, DROP COLUMN model, DROP COLUMN serial, DROP COLUMN os_version, DROP COLUMN hostname,
        DROP COLUMN uptime, DROP COLUMN last_collected_at`);
  }
}
